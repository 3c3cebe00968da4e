import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Runs a report's statements with PostgreSQL's JIT off (in a transaction of their own, `set local`). Report
 * statements unnest arrays and JSON per conversation, which the planner estimates at 10-100 rows per call: a
 * 90-day overview reading 100,000 summaries was costed in the millions and JIT-compiled, which took 3-4 s of its
 * 4.7 s (bench/analytics); the same statement runs in 1 s without it.
 */
export function withoutJit<T>(db: Kysely<Database>, run: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return run(trx);
  });
}
