import { type Kysely, type RawBuilder, sql } from 'kysely';
import { forEachConversationBatch, REBUILD_BATCH } from './conversation-batches';

/**
 * Per-block figures kept by day (migration 0915), so the canvas and the overview read a few thousand rows instead
 * of every step fact. A conversation counts on the UTC day it started, whatever day its facts came.
 *
 * - analytics_block_contributions: what each conversation adds to each block of a flow version (its visits,
 *   1 if it stopped there, its handoffs there) and to each intent matched there (`intent` set: its matches, the
 *   latest one's fact id and intent name). Recomputed from the conversation's facts, never patched.
 * - analytics_block_days: the same summed per UTC day of the conversations' start (`reached` counts them).
 * - analytics_block_dirty: conversations with new step facts, queued by the statement that records them
 *   (insertSummarized). Insert-only, so a burst of visitors never waits on a shared counter row.
 *
 * `rollBlockFigures` takes queued conversations, subtracts their old contributions from the days and adds the
 * new ones, in one short transaction per batch under an advisory lock (one roller at a time across instances).
 * Recomputing from facts makes a conversation queued twice, or rolled while a fact commits, come out exact.
 */

/** The fact kinds that change a block's figures: recording one queues its conversation. */
export const BLOCK_FACT_KINDS = ['block_entered', 'input_answered', 'handoff', 'resolved', 'intent_matched'] as const;

const ROLL_LOCK = sql`pg_advisory_xact_lock(hashtext('analytics_block_roll'))`;
const kinds = sql.join(BLOCK_FACT_KINDS.map((kind) => sql.lit(kind)));

/** The contributions of the conversations `ids` yields (a select of `conversation_id`), from their facts. */
function contributionsOf(ids: RawBuilder<unknown>) {
  return sql`with ids as (${ids}),
    f as (select f.id, f.conversation_id, f.flow_version_id, f.block_id, f.kind, f.intent, f.payload
      from analytics_facts f join ids on ids.conversation_id = f.conversation_id
      where f.flow_version_id is not null and f.kind in (${kinds})),
    settled as (select distinct conversation_id from f where kind in ('resolved', 'handoff')),
    last_step as (select distinct on (conversation_id, flow_version_id) conversation_id, flow_version_id, block_id, kind
      from f where kind in ('block_entered', 'input_answered') order by conversation_id, flow_version_id, id desc),
    blocks as (select conversation_id, flow_version_id, block_id,
        count(*) filter (where kind = 'block_entered')::int as visits,
        count(*) filter (where kind = 'handoff')::int as handed_off
      from f where kind in ('block_entered', 'handoff') and block_id is not null group by 1, 2, 3)
    select c.workspace_id, c.created_at as started_at, x.*
    from (
      select b.conversation_id, b.flow_version_id, b.block_id, '' as intent, b.visits,
        coalesce(l.kind = 'block_entered' and l.block_id = b.block_id and s.conversation_id is null, false)::int
          as dropped,
        b.handed_off, null::bigint as latest_fact, null::text as intent_name
      from blocks b left join last_step l using (conversation_id, flow_version_id)
        left join settled s using (conversation_id)
      where b.visits > 0
      union all
      select conversation_id, flow_version_id, block_id, intent, count(*)::int, 0, 0, max(id),
        (array_agg(payload->>'intentName' order by id desc))[1]
      from f where kind = 'intent_matched' and block_id is not null and intent is not null group by 1, 2, 3, 4
    ) x join conversations c on c.id = x.conversation_id`;
}

const CONTRIBUTION_COLUMNS = sql.raw(`workspace_id, started_at, conversation_id, flow_version_id, block_id, intent,
  visits, dropped, handed_off, latest_fact, intent_name`);

/** Adds (sign 1) or subtracts (-1) contribution rows `rows` (a CTE name) to or from the days. */
function addToDays(rows: string, sign: 1 | -1) {
  const s = sql.lit(sign);
  return sql`insert into analytics_block_days as d (workspace_id, flow_version_id, block_id, intent, day,
      reached, visits, dropped_off, handed_off, latest_fact, intent_name)
    select workspace_id, flow_version_id, block_id, intent, (started_at at time zone 'UTC')::date,
      ${s} * count(*)::int, ${s} * sum(visits)::int, ${s} * sum(dropped)::int, ${s} * sum(handed_off)::int,
      max(latest_fact), (array_agg(intent_name order by latest_fact desc nulls last))[1]
    from ${sql.table(rows)} group by 1, 2, 3, 4, 5
    on conflict (workspace_id, flow_version_id, block_id, intent, day) do update set
      reached = d.reached + excluded.reached, visits = d.visits + excluded.visits,
      dropped_off = d.dropped_off + excluded.dropped_off, handed_off = d.handed_off + excluded.handed_off,
      intent_name = case when excluded.latest_fact > coalesce(d.latest_fact, 0) then excluded.intent_name
        else d.intent_name end,
      latest_fact = greatest(d.latest_fact, excluded.latest_fact)`;
}

/** Replaces the contributions of the conversations in `ids` (a select of `conversation_id`) and fixes the days. */
async function recount<DB>(trx: Kysely<DB>, ids: RawBuilder<unknown>) {
  await sql`with old as (delete from analytics_block_contributions o where o.conversation_id in (${ids})
      returning o.*) ${addToDays('old', -1)}`.execute(trx);
  await sql`with fresh as (insert into analytics_block_contributions (${CONTRIBUTION_COLUMNS})
      select ${CONTRIBUTION_COLUMNS} from (${contributionsOf(ids)}) n returning *) ${addToDays('fresh', 1)}`.execute(
    trx,
  );
}

/**
 * Rolls queued conversations into the days, `batch` at a time, until none is queued; returns how many batches
 * ran. Safe on several instances at once: batches take the same advisory lock.
 */
export async function rollBlockFigures<DB>(db: Kysely<DB>, batch = 500): Promise<number> {
  for (let batches = 0; ; batches++) {
    const rolled = await db.transaction().execute(async (trx) => {
      await sql`select ${ROLL_LOCK}`.execute(trx);
      const { rows } = await sql<{ conversation_id: string }>`delete from analytics_block_dirty
        where id in (select id from analytics_block_dirty order by id limit ${batch})
        returning conversation_id`.execute(trx);
      if (rows.length === 0) return false;
      const ids = [...new Set(rows.map((row) => row.conversation_id))];
      await recount(trx, sql`select unnest(${ids}::text[]) as conversation_id`);
      return true;
    });
    if (!rolled) return batches;
  }
}

/**
 * Recounts every conversation (of one workspace) from its facts, `batch` conversations a statement: the migration,
 * the bench seed, the tests.
 */
export async function rebuildBlockFigures<DB>(db: Kysely<DB>, workspaceId?: string, batch = REBUILD_BATCH) {
  const scope = workspaceId ? sql<boolean>`workspace_id = ${workspaceId}` : sql<boolean>`true`;
  const inTransaction = (run: (trx: Kysely<DB>) => Promise<void>) =>
    db.isTransaction ? run(db) : db.transaction().execute(run);
  await inTransaction(async (trx) => {
    await sql`select ${ROLL_LOCK}`.execute(trx);
    await sql`delete from analytics_block_dirty d using conversations c
      where c.id = d.conversation_id and ${scope}`.execute(trx);
    await sql`delete from analytics_block_days where ${scope}`.execute(trx);
    await sql`delete from analytics_block_contributions where ${scope}`.execute(trx);
    await forEachConversationBatch(trx, scope, batch, (ids) => recount(trx, ids));
  });
}
