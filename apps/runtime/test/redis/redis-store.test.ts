import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/realtime/redis-connection';
import { startServer } from '../../src/server';
import { MemoryRateLimitStore } from '../../src/services/rate-limit-store';
import { RedisRateLimitStore } from '../../src/services/redis-rate-limit-store';
import { createTestDatabase } from '../db';
import { expectSharedWindow, expectWait, SHORT_BACKOFF } from '../fixtures/rate-limit';
import { until } from '../poll';
import { dropPrefix, TEST_REDIS_URL, uniquePrefix } from './redis-fixture';

describe('rate-limit counters in Redis', () => {
  const prefix = uniquePrefix();
  afterAll(() => dropPrefix(prefix));

  it('shares one fixed window between stores, keeps no raw key, and counts in memory while Redis is away', async () => {
    const errors: unknown[] = [];
    const [one, two] = await Promise.all([
      connectRedis(TEST_REDIS_URL, () => {}),
      connectRedis(TEST_REDIS_URL, () => {}),
    ]);
    const a = new RedisRateLimitStore({ redis: one.commands, prefix, onError: (error) => errors.push(error) });
    const b = new RedisRateLimitStore({ redis: two.commands, prefix, onError: (error) => errors.push(error) });
    await expectSharedWindow(a, b, 'secret-token');
    const raw = new Redis(TEST_REDIS_URL);
    const keys = await raw.keys(`${prefix}*`);
    raw.disconnect();
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('secret-token');
    expect(await a.hit('ip', 'short-window', 1, 300)).toBe(0);
    expectWait(await b.hit('ip', 'short-window', 1, 300), 0, 300);
    // A new window once the 300 ms one has run out (Redis expires it).
    await expect.poll(() => b.hit('ip', 'short-window', 1, 300), { timeout: 5000, interval: 50 }).toBe(0);

    await one.close();
    expect([await a.hit('ip', 'offline', 1, 60_000), await a.hit('ip', 'offline', 1, 60_000)]).toEqual([
      0,
      expect.any(Number),
    ]);
    expect(await a.hit('ip', 'offline', 1, 60_000)).toBeGreaterThan(0);
    expect(errors).toHaveLength(1);
    await two.close();
  });

  it('runs the progressive delay on Redis’s clock for every store, and in the fallback while Redis is away', async () => {
    const [one, two] = await Promise.all([
      connectRedis(TEST_REDIS_URL, () => {}),
      connectRedis(TEST_REDIS_URL, () => {}),
    ]);
    const fallback = new MemoryRateLimitStore();
    const a = new RedisRateLimitStore({ redis: one.commands, prefix, onError: () => {}, fallback });
    const b = new RedisRateLimitStore({ redis: two.commands, prefix, onError: () => {} });
    const backoff = SHORT_BACKOFF;
    expect([await a.attempt('delay', 'acct', backoff), await b.attempt('delay', 'acct', backoff)]).toEqual([0, 0]);
    // The second failure started a 1 s delay, seen by both stores; refused attempts are not counted.
    const waits = await Promise.all([a, b, a, b].map((store) => store.attempt('delay', 'acct', backoff)));
    for (const wait of waits) expectWait(wait, 500, 1000);
    await until(async () => (await b.attempt('delay', 'acct', backoff)) === 0, 5000, 10);
    expectWait(await a.attempt('delay', 'acct', backoff), 1000, 2000);
    await a.reset('delay', 'acct');
    expect(await b.attempt('delay', 'acct', backoff)).toBe(0);

    await one.close();
    // Redis away for `a`: it counts in its fallback store instead of failing.
    expect([await a.attempt('delay', 'away', backoff), await a.attempt('delay', 'away', backoff)]).toEqual([0, 0]);
    expect(await fallback.attempt('delay', 'away', backoff)).toBeGreaterThan(0);
    await two.close();
  });

  it('refuses to start with a clear message when Redis cannot be reached', async () => {
    const database = await createTestDatabase('pglite');
    const config = { ...database.config, REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: prefix };
    await expect(startServer(config, { database })).rejects.toThrow(
      /Redis at REDIS_URL is unreachable: .*ECONNREFUSED/,
    );
    await database.dispose();
  });
});
