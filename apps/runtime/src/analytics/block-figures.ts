import { type Kysely, type RawBuilder, sql } from 'kysely';
import { planEachTime } from '../db/plan-each-time';
import type { Database } from '../db/schema';
import { rollBlockFigures } from './block-rollup';
import type { DayRange } from './overview';

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

type FigureRow = {
  flow_version_id: string;
  block_id: string;
  intent: string;
  reached: number;
  visits: number;
  dropped_off: number;
  handed_off: number;
  name: string | null;
};

/**
 * The rows of the conversations started in the range (all of them without one): whole UTC days from the days
 * table, the partial days at either end (the workspace's midnight is not UTC's) from the conversations' own
 * contributions, so a range in any time zone is exact.
 */
function rowsInRange(workspaceId: string, versions: RawBuilder<boolean>, days?: DayRange): RawBuilder<unknown> {
  const whole = sql`select flow_version_id, block_id, intent, reached, visits, dropped_off, handed_off, latest_fact,
      intent_name from analytics_block_days d`;
  if (!days) return sql`${whole} where d.workspace_id = ${workspaceId} and ${versions}`;
  const { from, to } = days.query;
  // Whole UTC days [first_day, end_day); the partial ends [a, first) and [end, b) (all of [a, b) without whole days).
  return sql`with span as (select a, b, first_day, end_day, least(b, first_day::timestamp at time zone 'UTC') as first,
        greatest(a, end_day::timestamp at time zone 'UTC') as "end"
      from (select a, b, (a at time zone 'UTC')::date
          + (a > (a at time zone 'UTC')::date::timestamp at time zone 'UTC')::int as first_day,
          (b at time zone 'UTC')::date as end_day
        from (select (${from}::date)::timestamp at time zone ${days.timeZone} as a,
          (${to}::date + 1)::timestamp at time zone ${days.timeZone} as b) r) s)
    ${whole} join span on d.day >= span.first_day and d.day < span.end_day
    where d.workspace_id = ${workspaceId} and ${versions}
    union all
    select flow_version_id, block_id, intent, 1, visits, dropped, handed_off, latest_fact, intent_name
    from analytics_block_contributions d join span on (d.started_at >= span.a and d.started_at < span.first)
      or (d.started_at >= span."end" and d.started_at < span.b)
    where d.workspace_id = ${workspaceId} and ${versions}`;
}

/**
 * Per-block figures, per flow version (sum rows across versions for a flow's total), of the conversations
 * started in the range (block-rollup.ts keeps them; queued conversations are rolled first, so they are exact).
 * Drop-off is counted from each conversation's own last block, so it is never negative.
 */
export async function blockFigures(
  db: Kysely<Database>,
  workspaceId: string,
  options: { flowVersionIds?: string[]; days?: DayRange } = {},
): Promise<BlockFigure[]> {
  await rollBlockFigures(db);
  const versions = options.flowVersionIds?.length
    ? sql<boolean>`d.flow_version_id in (${sql.join(options.flowVersionIds)})`
    : sql<boolean>`true`;
  const { rows } = await sql<FigureRow>`${planEachTime}
    select flow_version_id, block_id, intent, sum(reached)::int as reached, sum(visits)::int as visits,
      sum(dropped_off)::int as dropped_off, sum(handed_off)::int as handed_off,
      (array_agg(intent_name order by latest_fact desc nulls last))[1] as name
    from (${rowsInRange(workspaceId, versions, options.days)}) x
    group by flow_version_id, block_id, intent having sum(visits) > 0
    order by flow_version_id, block_id, sum(visits) desc, intent`.execute(db);
  const intents = new Map<string, IntentMatches[]>();
  const key = (row: FigureRow) => `${row.flow_version_id}\u0000${row.block_id}`;
  for (const row of rows) {
    if (row.intent === '') continue;
    const list = intents.get(key(row)) ?? [];
    list.push({ intentId: row.intent, name: row.name ?? row.intent, count: row.visits });
    intents.set(key(row), list);
  }
  return rows
    .filter((row) => row.intent === '')
    .map((row) => ({
      flowVersionId: row.flow_version_id,
      blockId: row.block_id,
      reached: row.reached,
      visits: row.visits,
      droppedOff: row.dropped_off,
      handedOff: row.handed_off,
      intents: intents.get(key(row)) ?? [],
    }));
}
