import type { Config } from '../config';
import { RateLimiter } from './rate-limiter';

const MINUTE = 60_000;

export interface RateVerdict {
  /** ms until the caller may try again; 0 when allowed. */
  wait: number;
  message: string;
}

const ALLOWED: RateVerdict = { wait: 0, message: '' };

/** A limit of `perMinute` hits per key; 0 turns it off. */
function limiter(perMinute: number): RateLimiter | null {
  return perMinute > 0 ? new RateLimiter(perMinute, MINUTE) : null;
}

/**
 * Budgets of the public widget API: requests per client address and per visitor token (HTTP and the
 * visitor WebSocket handshake), and new visitors per address (each is rows in the database). Counters
 * live in this instance's memory, so with N instances behind a balancer a client gets up to N times each.
 */
export class PublicRateLimits {
  private readonly perAddress: RateLimiter | null;
  private readonly perVisitor: RateLimiter | null;
  private readonly newVisitorsPerAddress: RateLimiter | null;

  constructor(
    config: Pick<Config, 'PUBLIC_RATE_LIMIT_PER_IP' | 'PUBLIC_RATE_LIMIT_PER_VISITOR' | 'PUBLIC_SESSION_LIMIT_PER_IP'>,
  ) {
    this.perAddress = limiter(config.PUBLIC_RATE_LIMIT_PER_IP);
    this.perVisitor = limiter(config.PUBLIC_RATE_LIMIT_PER_VISITOR);
    this.newVisitorsPerAddress = limiter(config.PUBLIC_SESSION_LIMIT_PER_IP);
  }

  /** Counts one request. The address goes first and a spent one stops there, so a flood of made-up tokens
   * from one blocked address does not fill the per-visitor table. */
  request(address: string, visitorToken: string | null): RateVerdict {
    const byAddress = this.perAddress?.hit(address) ?? 0;
    if (byAddress > 0) return { wait: byAddress, message: 'Too many requests from this address' };
    const byVisitor = visitorToken ? (this.perVisitor?.hit(visitorToken) ?? 0) : 0;
    if (byVisitor > 0) return { wait: byVisitor, message: 'Too many requests from this visitor' };
    return ALLOWED;
  }

  /** Counts a visitor about to be created (a resumed session does not count). */
  newVisitor(address: string): RateVerdict {
    const wait = this.newVisitorsPerAddress?.hit(address) ?? 0;
    return wait > 0 ? { wait, message: 'Too many new chat sessions from this address' } : ALLOWED;
  }
}
