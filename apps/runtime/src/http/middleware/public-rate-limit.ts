import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../../config';
import { RateLimiter } from '../../services/rate-limiter';
import { clientAddress } from '../client-address';
import { sendError } from '../errors';
import { bearerToken } from './visitor-auth';

const MINUTE = 60_000;

interface Verdict {
  /** ms until the caller may try again; 0 when allowed. */
  wait: number;
  message: string;
}

/** A limit of `perMinute` requests per key; 0 turns it off. */
function limiter(perMinute: number): RateLimiter | null {
  return perMinute > 0 ? new RateLimiter(perMinute, MINUTE) : null;
}

/**
 * Request budgets on the public widget API and the visitor WebSocket handshake: per client IP, per
 * visitor token, and a tighter one for starting sessions (each may create a visitor). Counters live in
 * this instance's memory, so with N instances behind a balancer a client gets at most N times the budget.
 */
export class PublicRateLimits {
  private readonly perAddress: RateLimiter | null;
  private readonly perVisitor: RateLimiter | null;
  private readonly sessionsPerAddress: RateLimiter | null;

  constructor(private readonly config: Config) {
    this.perAddress = limiter(config.PUBLIC_RATE_LIMIT_PER_IP);
    this.perVisitor = limiter(config.PUBLIC_RATE_LIMIT_PER_VISITOR);
    this.sessionsPerAddress = limiter(config.PUBLIC_SESSION_LIMIT_PER_IP);
  }

  /** Counts one request of this caller; `startsSession` for calls that may create a visitor. */
  check(c: Context, visitorToken: string | null, startsSession: boolean): Verdict {
    const address = clientAddress(c, this.config.TRUST_PROXY);
    const checks: [RateLimiter | null, string, string][] = [
      [this.perAddress, address, 'from this address'],
      [visitorToken ? this.perVisitor : null, visitorToken ?? '', 'from this visitor'],
      [startsSession ? this.sessionsPerAddress : null, address, 'starting chat sessions from this address'],
    ];
    // In order, stopping at the first spent budget, so a flood of made-up tokens from one blocked
    // address does not fill the per-visitor table.
    for (const [limits, key, what] of checks) {
      const wait = limits?.hit(key) ?? 0;
      if (wait > 0) return { wait, message: `Too many requests ${what}` };
    }
    return { wait: 0, message: '' };
  }

  /** Hono middleware for `/api/public/*`: 429 with Retry-After when a budget is spent. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method === 'OPTIONS') return next();
      const startsSession = c.req.method === 'POST' && c.req.path.endsWith('/sessions');
      const { wait, message } = this.check(c, bearerToken(c), startsSession);
      if (wait === 0) return next();
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      c.header('Retry-After', String(seconds));
      return sendError(c, 429, 'rate_limited', `${message}; try again in ${seconds} s`, { retryAfterSeconds: seconds });
    };
  }
}
