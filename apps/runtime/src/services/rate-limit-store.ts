import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiter } from './rate-limiter';

/**
 * Where rate-limit counters live. In memory, each instance counts alone (N instances give a client N
 * budgets); in Redis, every instance counts in the same place, so a client gets one budget.
 */
export interface RateLimitStore {
  /** Counts one hit of `key` in `bucket` (a fixed window of `windowMs`); ms to wait when over `limit`, else 0. */
  hit(bucket: string, key: string, limit: number, windowMs: number): Promise<number>;
}

/** Counters in this instance's memory (the default without REDIS_URL). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly limiters = new Map<string, RateLimiter>();

  hit(bucket: string, key: string, limit: number, windowMs: number): Promise<number> {
    const name = `${bucket}:${limit}:${windowMs}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = new RateLimiter(limit, windowMs);
      this.limiters.set(name, limiter);
    }
    return Promise.resolve(limiter.hit(key));
  }
}

// One round trip: count, start the window on the first hit, and answer how long is left when over the limit.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
if count > tonumber(ARGV[1]) then return ttl end
return 0`;

export interface RedisRateLimitStoreOptions {
  redis: Redis;
  /** Prefix of every key (several deployments or tests on one Redis). */
  prefix: string;
  onError: (error: unknown) => void;
}

/**
 * Counters in Redis, shared by every instance. While Redis is unreachable the instance counts in its own
 * memory instead (a request is never refused or held up because the counter store is away).
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly fallback = new MemoryRateLimitStore();
  private lastErrorAt = 0;

  constructor(private readonly options: RedisRateLimitStoreOptions) {}

  async hit(bucket: string, key: string, limit: number, windowMs: number): Promise<number> {
    // Keys hold a hash: visitor tokens are secrets and addresses personal data.
    const digest = createHash('sha256').update(key).digest('base64url');
    const redisKey = `${this.options.prefix}rl:${bucket}:${digest}`;
    try {
      const wait = await this.options.redis.eval(HIT_SCRIPT, 1, redisKey, limit, windowMs);
      return Math.max(Number(wait), 0);
    } catch (error) {
      const now = Date.now();
      if (now - this.lastErrorAt > 10_000) {
        this.lastErrorAt = now;
        this.options.onError(error);
      }
      return this.fallback.hit(bucket, key, limit, windowMs);
    }
  }
}
