import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { type Backoff, backoffAfter, type RateLimitStore, storedKey } from './rate-limit-store';

/** `ms` milliseconds as an SQL interval. */
const millis = (ms: number) => sql`(${ms}::float8 * interval '1 millisecond')`;

/**
 * Counters in the `rate_limits` table, shared by every instance on the database (the default without
 * REDIS_URL, and where Redis-backed budgets count while Redis is away). Times are the database's clock, so
 * instances with drifting clocks still agree. Each call is one short statement or transaction with no other
 * work inside; expired rows are swept by `deleteExpiredRateLimits`.
 */
export class DatabaseRateLimitStore implements RateLimitStore {
  constructor(private readonly db: Kysely<Database>) {}

  async hit(bucket: string, key: string, limit: number, windowMs: number): Promise<number> {
    const { rows } = await sql<{ count: number; left_ms: number }>`
      insert into rate_limits as r (bucket, key, count, expires_at)
      values (${bucket}, ${storedKey(key)}, 1, clock_timestamp() + ${millis(windowMs)})
      on conflict (bucket, key) do update set
        count = case when r.expires_at <= clock_timestamp() then 1 else r.count + 1 end,
        expires_at = case when r.expires_at <= clock_timestamp() then excluded.expires_at else r.expires_at end
      returning count, extract(epoch from (expires_at - clock_timestamp()))::float8 * 1000 as left_ms`.execute(this.db);
    const row = rows[0]!;
    return row.count > limit ? Math.max(1, Math.ceil(Number(row.left_ms))) : 0;
  }

  attempt(bucket: string, key: string, backoff: Backoff): Promise<number> {
    const stored = storedKey(key);
    return this.db.transaction().execute(async (trx) => {
      await sql`
        insert into rate_limits (bucket, key, count, until_at, expires_at)
        values (${bucket}, ${stored}, 0, clock_timestamp(), clock_timestamp() + ${millis(backoff.forgetMs)})
        on conflict (bucket, key) do nothing`.execute(trx);
      const { rows } = await sql<{ count: number; wait_ms: number; forgotten: boolean }>`
        select count, extract(epoch from (until_at - clock_timestamp()))::float8 * 1000 as wait_ms,
          expires_at <= clock_timestamp() as forgotten
        from rate_limits where bucket = ${bucket} and key = ${stored} for update`.execute(trx);
      const row = rows[0]!;
      const waitMs = Number(row.wait_ms ?? 0);
      if (!row.forgotten && waitMs > 0) return Math.ceil(waitMs);
      const failures = (row.forgotten ? 0 : row.count) + 1;
      await sql`
        update rate_limits set count = ${failures},
          until_at = clock_timestamp() + ${millis(backoffAfter(failures, backoff))},
          expires_at = clock_timestamp() + ${millis(backoff.forgetMs)}
        where bucket = ${bucket} and key = ${stored}`.execute(trx);
      return 0;
    });
  }

  async reset(bucket: string, key: string): Promise<void> {
    await sql`delete from rate_limits where bucket = ${bucket} and key = ${storedKey(key)}`.execute(this.db);
  }
}

/** Drops counters whose window or delay is over (run with the hourly session sweep). */
export async function deleteExpiredRateLimits(db: Kysely<Database>): Promise<void> {
  await sql`delete from rate_limits where expires_at < clock_timestamp()`.execute(db);
}
