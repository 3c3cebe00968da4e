import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Runs a report's statements in a transaction of their own with these settings (`set local`):
 * - JIT off: report statements unnest arrays and JSON per conversation, which the planner estimates at 10-100 rows
 *   per call; a 90-day overview reading 100,000 summaries was costed in the millions and JIT-compiled, which took
 *   3-4 s of its 4.7 s (bench/analytics); the same statement runs in 1 s without it.
 * - work_mem 64 MB: at 4 MB the 90-day overview's join and the sort of the figures per agent spilled to temporary
 *   files.
 */
export function asReport<T>(db: Kysely<Database>, run: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(trx);
    return run(trx);
  });
}
