import { type CsatFigures, noCsat } from '@flowdesk/contract';
import { type Kysely, sql } from 'kysely';
import { filters, inRange, type Scope } from '../analytics/overview';
import { planEachTime } from '../db/plan-each-time';
import type { Database } from '../db/schema';

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * CSAT of the resolutions in the range (surveys opened, and the `csat` facts dated at their resolution),
 * grouped by the agent or team who held the conversation when it was resolved, or all together (key '').
 */
export async function csatFigures(
  db: Kysely<Database>,
  scope: Scope,
  by: 'agent' | 'team' | null,
): Promise<Map<string, CsatFigures>> {
  const key = (alias: string) =>
    by === null ? sql<string>`''` : sql<string>`${sql.ref(`${alias}.${by === 'agent' ? 'agent_id' : 'team_id'}`)}`;
  const askedQuery = sql<{ key: string | null; asked: number }>`${planEachTime}
    select ${key('s')} as key, count(*)::int as asked from csat_surveys s
    where s.workspace_id = ${scope.workspaceId} and ${inRange('s.resolved_at', scope)}
      and ${filters('s', 'agent_id', scope, 'conversation_id')}
    group by 1`.execute(db);
  const ratedQuery = sql<{
    key: string | null;
    ratings: number;
    satisfied: number;
    stars: number;
    average: number | null;
  }>`${planEachTime}
    select ${key('f')} as key, count(*)::int as ratings,
      count(*) filter (where (f.payload->>'score')::int >= 4)::int as satisfied,
      count(*) filter (where f.reason = 'stars')::int as stars,
      avg((f.payload->>'score')::float8) filter (where f.reason = 'stars') as average
    from analytics_facts f
    where f.workspace_id = ${scope.workspaceId} and f.kind = 'csat' and ${inRange('f.at', scope)}
      and ${filters('f', 'agent_id', scope)}
    group by 1`.execute(db);
  const [{ rows: asked }, { rows: rated }] = await Promise.all([askedQuery, ratedQuery]);
  const figures = new Map<string, CsatFigures>();
  for (const row of asked) figures.set(row.key ?? '', { ...noCsat(), asked: row.asked });
  for (const row of rated) {
    const entry = figures.get(row.key ?? '') ?? noCsat();
    figures.set(row.key ?? '', {
      asked: entry.asked,
      ratings: row.ratings,
      responseRate: ratio(row.ratings, entry.asked),
      satisfied: row.satisfied,
      satisfiedRate: ratio(row.satisfied, row.ratings),
      starRatings: row.stars,
      average: row.average === null ? null : Math.round(Number(row.average) * 100) / 100,
    });
  }
  return figures;
}
