import type { AnalyticsOverviewQuery, AnalyticsPeopleResponse, DurationFigures } from '@flowdesk/contract';
import { type Kysely, sql } from 'kysely';
import { csatFigures, noCsat } from '../csat/figures';
import { planEachTime } from '../db/plan-each-time';
import type { Database } from '../db/schema';
import { filters, inRange, type Scope, workspaceTimeZone } from './overview';

type Row = {
  id: string;
  name: string;
  handled: number;
  fr_count: number;
  fr_median: number | null;
  fr_p90: number | null;
  res_count: number;
  res_median: number | null;
  res_p90: number | null;
};

const ms = (value: number | null) => (value === null ? null : Math.round(Number(value)));
const figures = (count: number, median: number | null, p90: number | null): DurationFigures => ({
  count,
  medianMs: ms(median),
  p90Ms: ms(p90),
});

/** Facts of the range grouped by the agent who held the conversation, or by its team. */
async function grouped(db: Kysely<Database>, scope: Scope, by: 'agent' | 'team') {
  const key = sql.ref(by === 'agent' ? 'f.agent_id' : 'f.team_id');
  const names = by === 'agent' ? sql`users` : sql`teams`;
  const figuresQuery = sql<Row>`${planEachTime}
    select h.id, h.name,
      count(distinct f.conversation_id) filter (where f.kind = 'first_response' or
        (f.kind = 'resolved' and f.reason = 'human'))::int as handled,
      count(*) filter (where f.kind = 'first_response')::int as fr_count,
      percentile_cont(0.5) within group (order by (f.payload->>'ms')::float8)
        filter (where f.kind = 'first_response') as fr_median,
      percentile_cont(0.9) within group (order by (f.payload->>'ms')::float8)
        filter (where f.kind = 'first_response') as fr_p90,
      count(*) filter (where f.kind = 'resolved' and f.reason = 'human' and f.payload->>'ms' is not null)::int
        as res_count,
      percentile_cont(0.5) within group (order by (f.payload->>'ms')::float8)
        filter (where f.kind = 'resolved' and f.reason = 'human') as res_median,
      percentile_cont(0.9) within group (order by (f.payload->>'ms')::float8)
        filter (where f.kind = 'resolved' and f.reason = 'human') as res_p90
    from analytics_facts f join ${names} h on h.id = ${key}
    where f.workspace_id = ${scope.workspaceId} and f.kind in ('first_response', 'resolved')
      and ${inRange('f.at', scope)} and ${filters('f', 'agent_id', scope)}
    group by h.id, h.name order by h.name, h.id`.execute(db);
  const [{ rows }, csat] = await Promise.all([figuresQuery, csatFigures(db, scope, by)]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    handled: row.handled,
    firstResponse: figures(row.fr_count, row.fr_median, row.fr_p90),
    resolution: figures(row.res_count, row.res_median, row.res_p90),
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
