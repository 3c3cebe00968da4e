import type { Redis } from 'ioredis';
import { type Backoff, MemoryRateLimitStore, type RateLimitStore, storedKey } from './rate-limit-store';

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

// One round trip, on Redis's clock: refuse while the delay runs, else count a failure and set the next delay
// (ARGV: free, firstMs, maxMs, forgetMs — the schedule of backoffAfter).
const ATTEMPT_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'failures', 'until')
local until_at = tonumber(state[2] or '0')
if until_at > now then return until_at - now end
local failures = tonumber(state[1] or '0') + 1
local over = failures - tonumber(ARGV[1])
local delay = 0
if over >= 0 then delay = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * 2 ^ math.min(over, 40)) end
redis.call('HSET', KEYS[1], 'failures', failures, 'until', now + delay)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0`;

export interface RedisRateLimitStoreOptions {
  redis: Redis;
  /** Prefix of every key (several deployments or tests on one Redis). */
  prefix: string;
  onError: (error: unknown) => void;
  /** Where to count while Redis is unreachable; this instance's memory unless given (e.g. the database). */
  fallback?: RateLimitStore;
}

/**
 * Counters in Redis, shared by every instance. While Redis is unreachable the instance counts in the fallback
 * store instead (a request is never refused or held up because Redis is away); commands fail at once then
 * (the connection has no offline queue).
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly fallback: RateLimitStore;
  private lastErrorAt = 0;

  constructor(private readonly options: RedisRateLimitStoreOptions) {
    this.fallback = options.fallback ?? new MemoryRateLimitStore();
  }

  private key(bucket: string, key: string) {
    return `${this.options.prefix}rl:${bucket}:${storedKey(key)}`;
  }

  private async orFallback<T>(command: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      const now = Date.now();
      if (now - this.lastErrorAt > 10_000) {
        this.lastErrorAt = now;
        this.options.onError(error);
      }
      return fallback();
    }
  }

  hit(bucket: string, key: string, limit: number, windowMs: number): Promise<number> {
    return this.orFallback(
      async () =>
        Math.max(Number(await this.options.redis.eval(HIT_SCRIPT, 1, this.key(bucket, key), limit, windowMs)), 0),
      () => this.fallback.hit(bucket, key, limit, windowMs),
    );
  }

  attempt(bucket: string, key: string, backoff: Backoff): Promise<number> {
    const { free, firstMs, maxMs, forgetMs } = backoff;
    return this.orFallback(
      async () =>
        Math.max(
          Number(
            await this.options.redis.eval(ATTEMPT_SCRIPT, 1, this.key(bucket, key), free, firstMs, maxMs, forgetMs),
          ),
          0,
        ),
      () => this.fallback.attempt(bucket, key, backoff),
    );
  }

  reset(bucket: string, key: string): Promise<void> {
    return this.orFallback(
      async () => {
        await this.options.redis.del(this.key(bucket, key));
      },
      () => this.fallback.reset(bucket, key),
    );
  }
}
