import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/db';
import { expectSharedWindow, expectWait, SHORT_BACKOFF } from '../../test/fixtures/rate-limit';
import { until } from '../../test/poll';
import { useTestServer } from '../../test/server';
import { DatabaseRateLimitStore, deleteExpiredRateLimits } from './database-rate-limit-store';

/** These windows are short: ask every 10 ms, for 5 s at most. */
const waitUntil = (check: () => Promise<boolean>) => until(check, 5000, 10);

describe.each(databaseKinds)('rate-limit counters in the database (%s)', (kind) => {
  const t = useTestServer(kind);

  it('shares a fixed window between stores on one database, keeps no raw key, and starts a new window after it', async () => {
    const { db } = t.current.server;
    const [a, b] = [new DatabaseRateLimitStore(db), new DatabaseRateLimitStore(db)];
    await expectSharedWindow(a, b, 'secret-address');
    const { rows } = await sql<{ key: string }>`select key from rate_limits where bucket = 'ip'`.execute(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).not.toContain('secret-address');
    // Another bucket counts apart.
    expect(await b.hit('visitor', 'secret-address', 3, 60_000)).toBe(0);

    expect(await a.hit('ip', 'short', 1, 1000)).toBe(0);
    expect(await b.hit('ip', 'short', 1, 1000)).toBeGreaterThan(0);
    await waitUntil(async () => (await a.hit('ip', 'short', 1, 1000)) === 0);
    await a.reset('ip', 'secret-address');
    expect(await a.hit('ip', 'secret-address', 3, 60_000)).toBe(0);
  });

  it('counts parallel hits exactly (one row, no lost update)', async () => {
    const store = new DatabaseRateLimitStore(t.current.server.db);
    const waits = await Promise.all(Array.from({ length: 20 }, () => store.hit('burst', 'k', 10, 60_000)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(10);
  });

  it('runs the progressive delay: refused while it runs (not counted), doubled per failure, cleared by reset', async () => {
    const { db } = t.current.server;
    const store = new DatabaseRateLimitStore(db);
    const backoff = SHORT_BACKOFF;
    expect(await store.attempt('delay', 'acct', backoff)).toBe(0);
    expect(await store.attempt('delay', 'acct', backoff)).toBe(0); // second failure: a 1 s delay starts
    expectWait(await store.attempt('delay', 'acct', backoff), 500, 1000);
    await waitUntil(async () => (await store.attempt('delay', 'acct', backoff)) === 0); // third failure: 2 s
    expectWait(await store.attempt('delay', 'acct', backoff), 1000, 2000);
    await store.reset('delay', 'acct');
    expect(await store.attempt('delay', 'acct', backoff)).toBe(0);

    // Parallel attempts of a delayed key: none slips through while the delay runs.
    await store.attempt('delay', 'acct', backoff);
    const parallel = await Promise.all(Array.from({ length: 5 }, () => store.attempt('delay', 'acct', backoff)));
    expect(parallel.every((wait) => wait > 0)).toBe(true);
  });

  it('forgets a quiet key and sweeps expired rows', async () => {
    const { db } = t.current.server;
    const store = new DatabaseRateLimitStore(db);
    const backoff = { free: 0, firstMs: 60_000, maxMs: 60_000, forgetMs: 100 };
    expect(await store.attempt('quiet', 'acct', backoff)).toBe(0);
    // The delay would last a minute, but the key is forgotten after 100 ms without attempts.
    expect(await store.attempt('quiet', 'acct', backoff)).toBeGreaterThan(50_000);
    await waitUntil(async () => (await store.attempt('quiet', 'acct', backoff)) === 0);
    await store.hit('swept', 'k', 5, 50);
    const count = async () =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from rate_limits where bucket = 'swept'`.execute(db))
          .rows[0]!.n,
      );
    expect(await count()).toBe(1);
    await waitUntil(async () => {
      await deleteExpiredRateLimits(db);
      return (await count()) === 0;
    });
  });
});
