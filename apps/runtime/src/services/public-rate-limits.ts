import type { Config } from '../config';
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit-store';

const MINUTE = 60_000;

export interface RateVerdict {
  /** ms until the caller may try again; 0 when allowed. */
  wait: number;
  message: string;
}

const ALLOWED: RateVerdict = { wait: 0, message: '' };

type LimitConfig = Pick<
  Config,
  'PUBLIC_RATE_LIMIT_PER_IP' | 'PUBLIC_RATE_LIMIT_PER_VISITOR' | 'PUBLIC_SESSION_LIMIT_PER_IP'
>;

/**
 * Budgets of the public widget API: requests per client address and per visitor token (HTTP and the
 * visitor WebSocket handshake), and new visitors per address (each is rows in the database). Counters live
 * in the store: Redis with REDIS_URL (one budget across every instance), else this instance's memory (N
 * instances behind a balancer give a client up to N times each): they are checked on every widget request,
 * too often for a database write. Other budgets count in `services.limits` (Redis or the database).
 */
export class PublicRateLimits {
  constructor(
    private readonly config: LimitConfig,
    private readonly store: RateLimitStore = new MemoryRateLimitStore(),
  ) {}

  /** A limit of `perMinute` hits per key; 0 turns it off. */
  private hit(bucket: string, key: string, perMinute: number): Promise<number> {
    return perMinute > 0 ? this.store.hit(bucket, key, perMinute, MINUTE) : Promise.resolve(0);
  }

  /** Counts one request. The address goes first and a spent one stops there, so a flood of made-up tokens
   * from one blocked address does not fill the per-visitor table. */
  async request(address: string, visitorToken: string | null): Promise<RateVerdict> {
    const byAddress = await this.hit('ip', address, this.config.PUBLIC_RATE_LIMIT_PER_IP);
    if (byAddress > 0) return { wait: byAddress, message: 'Too many requests from this address' };
    const byVisitor = visitorToken
      ? await this.hit('visitor', visitorToken, this.config.PUBLIC_RATE_LIMIT_PER_VISITOR)
      : 0;
    if (byVisitor > 0) return { wait: byVisitor, message: 'Too many requests from this visitor' };
    return ALLOWED;
  }

  /** Counts a visitor about to be created (a resumed session does not count). */
  async newVisitor(address: string): Promise<RateVerdict> {
    const wait = await this.hit('new-visitor', address, this.config.PUBLIC_SESSION_LIMIT_PER_IP);
    return wait > 0 ? { wait, message: 'Too many new chat sessions from this address' } : ALLOWED;
  }
}
