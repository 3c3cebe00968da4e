import { type Compilable, type Kysely, type OperationNodeSource, type RawBuilder, sql } from 'kysely';
import { BLOCK_FACT_KINDS } from './block-rollup';
import { forEachConversationBatch, REBUILD_BATCH } from './conversation-batches';

/**
 * analytics_conversations (migration 0912): one row per conversation that has facts, summing its facts, kept in
 * the transaction that records them (recordFacts, the CSAT rating), so the overview, the channel filter and the
 * CSV read one row per conversation instead of every fact. Figures that depend on the conversation's *current*
 * bot, team, assignee, status or channel still read them from `conversations` (joined by id), so a change that
 * records no fact (an agent deleted: `on delete set null`) never leaves a summary stale.
 *
 * Each column is what the facts of the conversation say, in fact id order:
 * - channels: every channel a fact was recorded through;
 * - blocks_visited, handoffs, first_responses, resolutions, reopens, csats: counts of those facts;
 * - first_handoff_reason, first_response_ms: of the first handoff / first response (`payload->>'ms'`);
 * - resolved_by, resolution_ms, csat_score: of the latest resolution / rating;
 * - bot_resolved: some resolution was by the bot;
 * - handoff_reasons: the distinct reasons of its handoffs (null included);
 * - handoff_blocks: the distinct blocks its handoffs came from, as `flow_version_id block_id` (null: no block, as
 *   a takeover), since block ids are only unique within a flow (migration 0916);
 * - handoff_intents: per `bot_id intent` of its handoffs, `[latest fact id, intent name of that fact]`.
 */
const COLUMNS = `conversation_id, workspace_id, created_at, channels, blocks_visited, handoffs, first_handoff_reason,
  first_responses, first_response_ms, resolutions, resolved_by, resolution_ms, bot_resolved, reopens, csats,
  csat_score, handoff_reasons, handoff_blocks, handoff_intents`;

/** A handoff fact's block, named with its flow version: `flow_version_id block_id`, null without one. */
const HANDOFF_BLOCK = sql`case when f.block_id is not null and f.flow_version_id is not null
  then f.flow_version_id || ' ' || f.block_id end`;

/** The summary of the facts in `source` (the table, or rows just inserted) matching `where`, one row per conversation. */
function summaryOf(where: RawBuilder<boolean>, source: RawBuilder<unknown> = sql`analytics_facts`) {
  return sql`select f.conversation_id, c.workspace_id, c.created_at,
      array_agg(distinct f.channel order by f.channel) as channels,
      count(*) filter (where f.kind = 'block_entered')::int as blocks_visited,
      count(*) filter (where f.kind = 'handoff')::int as handoffs,
      (array_agg(f.reason order by f.id) filter (where f.kind = 'handoff'))[1] as first_handoff_reason,
      count(*) filter (where f.kind = 'first_response')::int as first_responses,
      (array_agg(f.payload->>'ms' order by f.id) filter (where f.kind = 'first_response'))[1] as first_response_ms,
      count(*) filter (where f.kind = 'resolved')::int as resolutions,
      (array_agg(f.reason order by f.id desc) filter (where f.kind = 'resolved'))[1] as resolved_by,
      (array_agg(f.payload->>'ms' order by f.id desc) filter (where f.kind = 'resolved'))[1] as resolution_ms,
      coalesce(bool_or(f.kind = 'resolved' and f.reason = 'bot'), false) as bot_resolved,
      count(*) filter (where f.kind = 'reopened')::int as reopens,
      count(*) filter (where f.kind = 'csat')::int as csats,
      (array_agg(f.payload->>'score' order by f.id desc) filter (where f.kind = 'csat'))[1] as csat_score,
      coalesce(array_agg(distinct f.reason) filter (where f.kind = 'handoff'), '{}') as handoff_reasons,
      coalesce(array_agg(distinct ${HANDOFF_BLOCK}) filter (where f.kind = 'handoff'), '{}') as handoff_blocks,
      coalesce(jsonb_object_agg(f.bot_id || ' ' || f.intent,
        jsonb_build_array(f.id, coalesce(f.payload->>'intentName', f.intent)) order by f.id)
        filter (where f.kind = 'handoff' and f.intent is not null), '{}') as handoff_intents
    from ${source} f join conversations c on c.id = f.conversation_id
    where ${where}
    group by f.conversation_id, c.workspace_id, c.created_at`;
}

/** Merges the summary of new facts (`excluded`, all later than the row's) into the row. */
const merge = sql.raw(`
  channels = array(select distinct u from unnest(a.channels || excluded.channels) u order by u),
  blocks_visited = a.blocks_visited + excluded.blocks_visited,
  handoffs = a.handoffs + excluded.handoffs,
  first_handoff_reason = case when a.handoffs > 0 then a.first_handoff_reason else excluded.first_handoff_reason end,
  first_responses = a.first_responses + excluded.first_responses,
  first_response_ms = case when a.first_responses > 0 then a.first_response_ms else excluded.first_response_ms end,
  resolutions = a.resolutions + excluded.resolutions,
  resolved_by = case when excluded.resolutions > 0 then excluded.resolved_by else a.resolved_by end,
  resolution_ms = case when excluded.resolutions > 0 then excluded.resolution_ms else a.resolution_ms end,
  bot_resolved = a.bot_resolved or excluded.bot_resolved,
  reopens = a.reopens + excluded.reopens,
  csats = a.csats + excluded.csats,
  csat_score = case when excluded.csats > 0 then excluded.csat_score else a.csat_score end,
  handoff_reasons = array(select distinct u from unnest(a.handoff_reasons || excluded.handoff_reasons) u),
  handoff_blocks = array(select distinct u from unnest(a.handoff_blocks || excluded.handoff_blocks) u),
  handoff_intents = a.handoff_intents || excluded.handoff_intents`);

/**
 * Inserts facts (`insert`: an insert into analytics_facts returning every column), adds them to their
 * conversations' summaries and queues the conversation for its block figures (block-rollup.ts) in one statement:
 * the summary reads the inserted rows from the CTE, one database round trip per recording on the visitor-message
 * path.
 */
export async function insertSummarized<DB>(trx: Kysely<DB>, insert: Compilable & OperationNodeSource): Promise<void> {
  await sql`with inserted_facts as (${insert}),
    queued as (insert into analytics_block_dirty (conversation_id) select distinct conversation_id from inserted_facts
      where flow_version_id is not null and kind in (${sql.join(BLOCK_FACT_KINDS.map((kind) => sql.lit(kind)))}))
    insert into analytics_conversations as a (${sql.raw(COLUMNS)})
    ${summaryOf(sql<boolean>`true`, sql`inserted_facts`)}
    on conflict (conversation_id) do update set ${merge}`.execute(trx);
}

/**
 * Builds every summary (of one workspace) from the facts, `batch` conversations a statement (the migration, the
 * bench seed); replaces rows that exist.
 */
export async function rebuildSummaries<DB>(db: Kysely<DB>, workspaceId?: string, batch = REBUILD_BATCH) {
  const scope = workspaceId ? sql<boolean>`workspace_id = ${workspaceId}` : sql<boolean>`true`;
  await sql`delete from analytics_conversations where ${scope}`.execute(db);
  await forEachConversationBatch(db, scope, batch, async (ids) => {
    await sql`insert into analytics_conversations (${sql.raw(COLUMNS)})
      ${summaryOf(sql<boolean>`f.conversation_id in (${ids})`)}`.execute(db);
  });
}

/** The conversation `c` (summary `a`, left-joined) used `channel`: it is reached through it now, or a fact was. */
export function usedChannel(channel: string): RawBuilder<boolean> {
  return sql<boolean>`(c.channel = ${channel} or coalesce(${channel} = any(a.channels), false))`;
}
