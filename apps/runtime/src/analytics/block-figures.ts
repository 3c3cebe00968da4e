import { type Kysely, sql } from 'kysely';
import { planEachTime } from '../db/plan-each-time';
import type { Database } from '../db/schema';
import { analyticsDb } from './facts';
import { type DayRange, inRange } from './overview';
import { withoutJit } from './report';

export interface IntentMatches {
  intentId: string;
  /** The intent's latest name in the facts. */
  name: string;
  count: number;
}

export interface BlockFigure {
  flowVersionId: string;
  blockId: string;
  /** Conversations that entered the block at least once (a loop's repeats count once). */
  reached: number;
  /** Every entry, repeats included. */
  visits: number;
  /** Conversations that stopped here: their last step entered this block, never answered, handed off nor resolved. */
  droppedOff: number;
  handedOff: number;
  /** Intents matched at this block (an intent trigger, or a Match Intent block's outputs), most first. */
  intents: IntentMatches[];
}

/**
 * Per-block figures from recorded facts, per flow version (sum rows across versions for a flow's total).
 * Drop-off is counted from each conversation's own last block, so it is never negative.
 */
export async function blockFigures(
  db: Kysely<Database>,
  workspaceId: string,
  options: { flowVersionIds?: string[]; days?: DayRange } = {},
): Promise<BlockFigure[]> {
  let facts = analyticsDb(db)
    .selectFrom('analytics_facts')
    .where('workspace_id', '=', workspaceId)
    .where('flow_version_id', 'is not', null);
  if (options.flowVersionIds?.length) facts = facts.where('flow_version_id', 'in', options.flowVersionIds);
  const { days } = options;
  if (days) facts = facts.where(inRange('at', days));
  const statement = sql<{
    flow_version_id: string;
    block_id: string;
    reached: number;
    visits: number;
    dropped_off: number;
    handed_off: number;
  }>`${planEachTime}
    with f as materialized (${facts
      .where('kind', 'in', ['block_entered', 'input_answered', 'handoff', 'resolved'])
      .select(['id', 'conversation_id', 'flow_version_id', 'block_id', 'kind'])}),
    settled as (select distinct conversation_id from f where kind in ('resolved', 'handoff')),
    -- A settled conversation never counts as a drop-off: only the others' last steps are looked for.
    last_step as (
      select distinct on (conversation_id, flow_version_id) flow_version_id, block_id, kind
      from f where kind in ('block_entered', 'input_answered')
        and not exists (select 1 from settled s where s.conversation_id = f.conversation_id)
      order by conversation_id, flow_version_id, id desc
    ),
    dropped as (select flow_version_id, block_id, count(*)::int as n from last_step
      where kind = 'block_entered' group by 1, 2),
    handed as (select flow_version_id, block_id, count(*)::int as n from f where kind = 'handoff' group by 1, 2),
    reached as (select flow_version_id, block_id, count(*)::int as n
      from (select distinct conversation_id, flow_version_id, block_id from f where kind = 'block_entered') d
      group by 1, 2),
    visits as (select flow_version_id, block_id, count(*)::int as n from f where kind = 'block_entered' group by 1, 2)
    select v.flow_version_id, v.block_id, r.n as reached, v.n as visits,
      coalesce(d.n, 0) as dropped_off, coalesce(h.n, 0) as handed_off
    from visits v join reached r using (flow_version_id, block_id)
      left join dropped d using (flow_version_id, block_id) left join handed h using (flow_version_id, block_id)
    order by v.flow_version_id, v.block_id
  `;
  const matchedStatement = sql<{
    flow_version_id: string;
    block_id: string;
    intent: string;
    name: string | null;
    count: number;
  }>`${planEachTime}
    with f as (${facts.where('kind', '=', 'intent_matched').select(['id', 'flow_version_id', 'block_id', 'intent', 'payload'])})
    select flow_version_id, block_id, intent, count(*)::int as count,
      (array_agg(payload->>'intentName' order by id desc))[1] as name
    from f group by flow_version_id, block_id, intent
    order by flow_version_id, block_id, count desc, intent
  `;
  const [{ rows }, { rows: matched }] = await withoutJit(db, async (trx) => [
    await statement.execute(trx),
    await matchedStatement.execute(trx),
  ]);
  const intents = new Map<string, IntentMatches[]>();
  for (const row of matched) {
    const key = `${row.flow_version_id}\u0000${row.block_id}`;
    const list = intents.get(key) ?? [];
    list.push({ intentId: row.intent, name: row.name ?? row.intent, count: row.count });
    intents.set(key, list);
  }
  return rows.map((row) => ({
    flowVersionId: row.flow_version_id,
    blockId: row.block_id,
    reached: row.reached,
    visits: row.visits,
    droppedOff: row.dropped_off,
    handedOff: row.handed_off,
    intents: intents.get(`${row.flow_version_id}\u0000${row.block_id}`) ?? [],
  }));
}
