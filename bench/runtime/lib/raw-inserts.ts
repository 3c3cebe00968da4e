import { randomUUID } from 'node:crypto';
import { createDatabase } from '../../../apps/runtime/src/db/database';

/**
 * The baseline: single-row autocommit INSERTs into a table shaped like `messages`, through `pg`, with
 * `concurrency` connections, for `durationMs`. Returns rows per second.
 */
export async function rawInsertsPerSecond(databaseUrl: string, concurrency: number, durationMs: number) {
  const { pool, close } = createDatabase({ DATABASE_URL: databaseUrl, DATA_DIR: 'memory://' });
  if (!pool) throw new Error('expected PostgreSQL');
  pool.options.max = concurrency;
  await pool.query(`create table if not exists raw_messages (
    id uuid primary key, conversation_id uuid not null, seq integer not null, author_kind text not null,
    type text not null, payload jsonb not null, created_at timestamptz not null default now(),
    unique (conversation_id, seq))`);
  let count = 0;
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const conversationId = randomUUID();
      let seq = 0;
      while (performance.now() < end) {
        await pool.query(
          'insert into raw_messages (id, conversation_id, seq, author_kind, type, payload) values ($1, $2, $3, $4, $5, $6)',
          [randomUUID(), conversationId, ++seq, 'visitor', 'text', JSON.stringify({ text: `hello ${seq}` })],
        );
        count++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await close();
  return count / seconds;
}
