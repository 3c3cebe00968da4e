import {
  type AnalyticsOverviewQuery,
  type AnalyticsPeopleResponse,
  type DurationFigures,
  noCsat,
} from '@flowdesk/contract';
import { type Kysely, sql } from 'kysely';
import { csatFigures } from '../csat/figures';
import { planEachTime } from '../db/plan-each-time';
import type { Database } from '../db/schema';
import { filters, inRange, type Scope, workspaceTimeZone } from './overview';
import { asReport } from './report';

type Row = {
  id: string;
  name: string;
  handled: number;
  fr_count: number;
  fr: [number, number] | null;
  res_count: number;
  res: [number, number] | null;
};

const ms = (value: number | undefined) => (value === undefined ? null : Math.round(Number(value)));
const figures = (count: number, percentiles: [number, number] | null): DurationFigures => ({
  count,
  medianMs: ms(percentiles?.[0]),
  p90Ms: ms(percentiles?.[1]),
});

/** Facts of the range grouped by the agent who held the conversation, or by its team. */
async function grouped(db: Kysely<Database>, scope: Scope, by: 'agent' | 'team') {
  const key = sql.ref(by === 'agent' ? 'f.agent_id' : 'f.team_id');
  const names = by === 'agent' ? sql`users` : sql`teams`;
  // Grouped by the key before the names are joined (a few rows; facts without a key never join); ids compared as "C"
  // (bytewise sorts, the same equality as any deterministic collation); one sort for both percentiles of a duration.
  const figuresQuery = asReport(db, (trx) =>
    sql<Row>`${planEachTime}
    with g as (
      select ${key} collate "C" as id,
        count(distinct f.conversation_id collate "C") filter (where f.kind = 'first_response' or
          (f.kind = 'resolved' and f.reason = 'human'))::int as handled,
        count(*) filter (where f.kind = 'first_response')::int as fr_count,
        percentile_cont(array[0.5, 0.9]) within group (order by (f.payload->>'ms')::float8)
          filter (where f.kind = 'first_response') as fr,
        count(*) filter (where f.kind = 'resolved' and f.reason = 'human' and f.payload->>'ms' is not null)::int
          as res_count,
        percentile_cont(array[0.5, 0.9]) within group (order by (f.payload->>'ms')::float8)
          filter (where f.kind = 'resolved' and f.reason = 'human') as res
      from analytics_facts f
      where f.workspace_id = ${scope.workspaceId} and f.kind in ('first_response', 'resolved') and ${key} is not null
        and ${inRange('f.at', scope)} and ${filters('f', 'agent_id', scope)}
      group by 1)
    select h.id, h.name, g.handled, g.fr_count, g.fr, g.res_count, g.res
    from g join ${names} h on h.id = g.id order by h.name, h.id`.execute(trx),
  );
  const [{ rows }, csat] = await Promise.all([figuresQuery, csatFigures(db, scope, by)]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    handled: row.handled,
    firstResponse: figures(row.fr_count, row.fr),
    resolution: figures(row.res_count, row.res),
    csat: csat.get(row.id) ?? noCsat(),
  }));
}

/** Per agent (who held the conversation when it was answered or resolved) and per team. */
export async function peopleFigures(
  db: Kysely<Database>,
  workspaceId: string,
  query: AnalyticsOverviewQuery,
): Promise<AnalyticsPeopleResponse> {
  const scope: Scope = { workspaceId, timeZone: await workspaceTimeZone(db, workspaceId), query };
  const [agents, teams] = await Promise.all([grouped(db, scope, 'agent'), grouped(db, scope, 'team')]);
  return { agents, teams };
}
