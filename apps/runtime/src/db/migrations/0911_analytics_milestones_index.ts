import { type Kysely, sql } from 'kysely';

/**
 * Analytics at scale (issue 21): the overview joins the conversations started in a range to their handoff,
 * resolution and first-response facts (about 15 % of all facts). This partial index holds just those, with the
 * columns the overview groups by, so the join never reads the block entries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index analytics_facts_milestones_idx on analytics_facts (conversation_id)
    include (id, kind, reason, block_id, bot_id, intent) where kind in ('handoff', 'resolved', 'first_response')`.execute(
    db,
  );
}
