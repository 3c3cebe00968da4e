import { type Kysely, type RawBuilder, sql } from 'kysely';

/** How many conversations one rebuild statement reads (about 10 facts each: 50,000 facts, well under a second). */
export const REBUILD_BATCH = 5000;

/**
 * Runs `run` over the conversations `where` selects (a condition on `conversations`), `size` at a time in id order,
 * each batch given as `ids` (a select of `conversation_id`). A rebuild over a large database (a migration, the bench
 * seed) is then many bounded statements inside the statement timeout; as one statement it was not: 100,000
 * conversations and 1 M facts took longer than the 15 s timeout, and the migration failed.
 */
export async function forEachConversationBatch<DB>(
  db: Kysely<DB>,
  where: RawBuilder<boolean>,
  size: number,
  run: (ids: RawBuilder<unknown>) => Promise<void>,
): Promise<void> {
  for (let after = ''; ; ) {
    const { rows } = await sql<{ id: string }>`select id from conversations where ${where} and id > ${after}
      order by id limit ${size}`.execute(db);
    if (rows.length === 0) return;
    const ids = rows.map((row) => row.id);
    await run(sql`select unnest(${ids}::text[]) as conversation_id`);
    after = ids.at(-1)!;
  }
}
