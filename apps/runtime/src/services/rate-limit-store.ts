import { createHash } from 'node:crypto';
import { backoffDelay } from '@flowdesk/contract';
import { RateLimiter } from './rate-limiter';

/** A delay that grows with each failure of a key: `free` failures cost nothing, then `firstMs`, doubling up to
 * `maxMs`; a key without a failure for `forgetMs` starts again from zero. */
export interface Backoff {
  free: number;
  firstMs: number;
  maxMs: number;
  forgetMs: number;
}

/** The wait a key must keep after its `failures`-th failure. */
export const backoffAfter = (failures: number, backoff: Backoff): number => {
  const over = failures - backoff.free;
  return over < 0 ? 0 : backoffDelay(over + 1, { baseMs: backoff.firstMs, maxMs: backoff.maxMs });
};

/**
 * Where rate-limit counters live. In Redis (REDIS_URL) or the database, every instance counts in the same
 * place, so a client gets one budget however many instances serve it; in memory, each instance counts alone.
 */
export interface RateLimitStore {
  /** Counts one hit of `key` in `bucket` (a fixed window of `windowMs`); ms to wait when over `limit`, else 0. */
  hit(bucket: string, key: string, limit: number, windowMs: number): Promise<number>;
  /**
   * Starts an attempt of `key` under a progressive delay: while the delay of its last failure runs, ms to wait
   * (the attempt is not counted); else 0, and the attempt counts as one more failure until `reset`.
   */
  attempt(bucket: string, key: string, backoff: Backoff): Promise<number>;
  /** Forgets `key` in `bucket` (a success clears its count). */
  reset(bucket: string, key: string): Promise<void>;
}

/** What a shared store keeps of a key: a hash (visitor tokens are secrets, addresses and accounts personal data). */
export const storedKey = (key: string) => createHash('sha256').update(key).digest('base64url');

/** Counters in this instance's memory: public widget budgets without REDIS_URL, and while Redis is away. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly limiters = new Map<string, RateLimiter>();
  /** In order of last attempt, oldest first (for eviction). */
  private readonly delays = new Map<string, { failures: number; lastAt: number; until: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    /** Delayed keys remembered at most (attackers may spray many names); the least recently tried go first. */
    private readonly maxDelayed = 100_000,
  ) {}

  hit(bucket: string, key: string, limit: number, windowMs: number): Promise<number> {
    const name = `${bucket}:${limit}:${windowMs}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = new RateLimiter(limit, windowMs, this.now);
      this.limiters.set(name, limiter);
    }
    return Promise.resolve(limiter.hit(key));
  }

  attempt(bucket: string, key: string, backoff: Backoff): Promise<number> {
    const name = `${bucket}:${key}`;
    const now = this.now();
    let entry = this.delays.get(name);
    if (entry && now - entry.lastAt > backoff.forgetMs) entry = undefined;
    if (entry && entry.until > now) return Promise.resolve(entry.until - now);
    const failures = (entry?.failures ?? 0) + 1;
    this.delays.delete(name);
    this.delays.set(name, { failures, lastAt: now, until: now + backoffAfter(failures, backoff) });
    for (const oldest of this.delays.keys()) {
      if (this.delays.size <= this.maxDelayed) break;
      this.delays.delete(oldest);
    }
    return Promise.resolve(0);
  }

  reset(bucket: string, key: string): Promise<void> {
    this.delays.delete(`${bucket}:${key}`);
    for (const [name, limiter] of this.limiters) if (name.startsWith(`${bucket}:`)) limiter.reset(key);
    return Promise.resolve();
  }
}
