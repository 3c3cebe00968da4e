import type { AnalyticsLive, AnalyticsOverview, AnalyticsOverviewQuery, DurationFigures } from '@flowdesk/contract';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { csatFigures, noCsat } from '../csat/figures';
import type { Database } from '../db/schema';
import { countOnlineAgents } from '../office-hours';
import { Schedule } from '../office-hours/schedule';
import { officeHoursDb } from '../office-hours/tables';
import { durationFigures, openMsBetween } from './office-time';

async function workspaceSchedule(db: Kysely<Database>, workspaceId: string): Promise<Schedule | null> {
  const row = await officeHoursDb(db)
    .selectFrom('office_hours')
    .select('schedule')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', 'is', null)
    .executeTakeFirst();
  const parsed = Schedule.safeParse(row?.schedule);
  return parsed.success ? parsed.data : null;
}

/** The workspace's time zone: its office hours' zone, UTC without one. */
export async function workspaceTimeZone(db: Kysely<Database>, workspaceId: string): Promise<string> {
  return (await workspaceSchedule(db, workspaceId))?.timezone ?? 'UTC';
}

export interface Scope {
  workspaceId: string;
  timeZone: string;
  query: AnalyticsOverviewQuery;
}

/** Days `from`..`to` (both included) in a time zone. */
export interface DayRange {
  timeZone: string;
  query: { from: string; to: string };
}

/** `column` within the query's days (midnight to midnight in the workspace's zone). */
export function inRange(column: string, { timeZone, query }: DayRange): RawBuilder<boolean> {
  const ref = sql.ref(column);
  return sql<boolean>`${ref} >= (${query.from}::date)::timestamp at time zone ${timeZone}
    and ${ref} < ((${query.to}::date + 1))::timestamp at time zone ${timeZone}`;
}

/** The conversation `id` used `channel`: it is reached through it now, or a fact was recorded through it. */
function usedChannel(id: RawBuilder<unknown>, channel: string): RawBuilder<boolean> {
  return sql<boolean>`(exists (select 1 from conversations uc where uc.id = ${id} and uc.channel = ${channel})
    or exists (select 1 from analytics_facts uf where uf.conversation_id = ${id} and uf.channel = ${channel}))`;
}

/**
 * The filters on a table with bot_id, team_id and the agent in `agentColumn`. The channel is the row's own
 * (`channel` column of facts) unless `conversationId` names the column of a conversation to match by use.
 */
export function filters(
  alias: string,
  agentColumn: string,
  { query }: Scope,
  conversationId?: string,
): RawBuilder<boolean> {
  const parts = [sql<boolean>`true`];
  if (query.botId) parts.push(sql<boolean>`${sql.ref(`${alias}.bot_id`)} = ${query.botId}`);
  if (query.teamId) parts.push(sql<boolean>`${sql.ref(`${alias}.team_id`)} = ${query.teamId}`);
  if (query.agentId) parts.push(sql<boolean>`${sql.ref(`${alias}.${agentColumn}`)} = ${query.agentId}`);
  if (query.channel) {
    parts.push(
      conversationId
        ? usedChannel(sql.ref(`${alias}.${conversationId}`), query.channel)
        : sql<boolean>`${sql.ref(`${alias}.channel`)} = ${query.channel}`,
    );
  }
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

async function durations(db: Kysely<Database>, scope: Scope, kind: string, reason: string | null) {
  if (scope.query.officeHoursOnly) return officeDurations(db, scope, kind, reason);
  const { rows } = await sql<{ count: number; median: number | null; p90: number | null }>`
    select count(*)::int as count,
      percentile_cont(0.5) within group (order by (payload->>'ms')::float8) as median,
      percentile_cont(0.9) within group (order by (payload->>'ms')::float8) as p90
    from analytics_facts f
    where f.workspace_id = ${scope.workspaceId} and f.kind = ${kind} and f.payload->>'ms' is not null
      and ${reason ? sql`f.reason = ${reason}` : sql`true`}
      and ${inRange('f.at', scope)} and ${filters('f', 'agent_id', scope)}
  `.execute(db);
  const row = rows[0]!;
  const figures: DurationFigures = {
    count: row.count,
    medianMs: row.median === null ? null : Math.round(Number(row.median)),
    p90Ms: row.p90 === null ? null : Math.round(Number(row.p90)),
  };
  return figures;
}

/** Durations counting only open office time (all of it without office hours). */
async function officeDurations(db: Kysely<Database>, scope: Scope, kind: string, reason: string | null) {
  const schedule = await workspaceSchedule(db, scope.workspaceId);
  const { rows } = await sql<{ since: string; at: Date; ms: number }>`
    select f.payload->>'handedOffAt' as since, f.at, (f.payload->>'ms')::float8 as ms
    from analytics_facts f
    where f.workspace_id = ${scope.workspaceId} and f.kind = ${kind} and f.payload->>'ms' is not null
      and ${reason ? sql`f.reason = ${reason}` : sql`true`}
      and ${inRange('f.at', scope)} and ${filters('f', 'agent_id', scope)}
  `.execute(db);
  return durationFigures(
    rows.map((row) => (schedule ? openMsBetween(schedule, new Date(row.since), new Date(row.at)) : Number(row.ms))),
  );
}

/** The overview figures of conversations started in the range (durations: measured in the range). */
export async function overview(
  db: Kysely<Database>,
  workspaceId: string,
  query: AnalyticsOverviewQuery,
): Promise<AnalyticsOverview> {
  const scope: Scope = { workspaceId, timeZone: await workspaceTimeZone(db, workspaceId), query };
  const started = sql`select c.id, c.status, c.created_at from conversations c
    where c.workspace_id = ${workspaceId} and ${inRange('c.created_at', scope)}
      and ${filters('c', 'assignee_id', scope, 'id')}`;
  const { rows: totals } = await sql<{ conversations: number; bot_resolved: number; handed_off: number; left: number }>`
    with s as (${started}),
    facts as (select f.conversation_id, f.kind, f.reason from analytics_facts f join s on s.id = f.conversation_id)
    select (select count(*) from s)::int as conversations,
      (select count(distinct conversation_id) from facts where kind = 'resolved' and reason = 'bot'
        and conversation_id not in (select conversation_id from facts where kind = 'handoff'))::int as bot_resolved,
      (select count(distinct conversation_id) from facts where kind = 'handoff')::int as handed_off,
      (select count(*) from s where s.status <> 'needs_agent'
        and s.id in (select conversation_id from facts where kind = 'handoff')
        and s.id not in (select conversation_id from facts where kind = 'first_response'))::int as left
  `.execute(db);
  const grouped = async (column: 'reason' | 'block_id') => {
    const { rows } = await sql<{ key: string | null; count: number }>`
      with s as (${started})
      select ${sql.ref(`f.${column}`)} as key, count(distinct f.conversation_id)::int as count
      from analytics_facts f join s on s.id = f.conversation_id
      where f.kind = 'handoff' group by 1 order by 2 desc, 1`.execute(db);
    return rows.map((row) => ({ key: row.key ?? '', count: row.count }));
  };
  const { rows: byIntent } = await sql<{ key: string; count: number }>`
    with s as (${started}),
    h as (select f.id, f.conversation_id, f.bot_id, f.intent, f.payload->>'intentName' as name
      from analytics_facts f join s on s.id = f.conversation_id where f.kind = 'handoff' and f.intent is not null),
    named as (select distinct on (bot_id, intent) bot_id, intent, coalesce(name, intent) as name
      from h order by bot_id, intent, id desc)
    select n.name as key, count(distinct h.conversation_id)::int as count
    from h join named n on n.bot_id = h.bot_id and n.intent = h.intent
    group by 1 order by 2 desc, 1`.execute(db);
  const { rows: hours } = await sql<{ weekday: number; hour: number; count: number }>`
    with s as (${started})
    select extract(isodow from s.created_at at time zone ${scope.timeZone})::int as weekday,
      extract(hour from s.created_at at time zone ${scope.timeZone})::int as hour, count(*)::int as count
    from s group by 1, 2 order by 1, 2`.execute(db);
  const total = totals[0]!;
  return {
    timeZone: scope.timeZone,
    from: query.from,
    to: query.to,
    conversations: total.conversations,
    botResolved: total.bot_resolved,
    botResolvedRate: rate(total.bot_resolved, total.conversations),
    handedOff: total.handed_off,
    handoffRate: rate(total.handed_off, total.conversations),
    handoffsByReason: await grouped('reason'),
    handoffsByBlock: (await grouped('block_id')).filter((row) => row.key !== ''),
    handoffsByIntent: byIntent,
    leftWithoutAnswer: total.left,
    firstResponse: await durations(db, scope, 'first_response', null),
    resolution: await durations(db, scope, 'resolved', 'human'),
    csat: (await csatFigures(db, scope, null)).get('') ?? noCsat(),
    hourOfWeek: hours,
  };
}

/** Right now: conversations waiting for a person, those nobody holds, agents online. */
export async function live(db: Kysely<Database>, workspaceId: string, teamId?: string): Promise<AnalyticsLive> {
  let waiting = db
    .selectFrom('conversations')
    .select((eb) => [
      eb.fn.countAll<number>().as('waiting'),
      sql<number>`count(*) filter (where assignee_id is null)`.as('unassigned'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'needs_agent');
  if (teamId) waiting = waiting.where('team_id', '=', teamId);
  const row = await waiting.executeTakeFirstOrThrow();
  return {
    waiting: Number(row.waiting),
    unassigned: Number(row.unassigned),
    agentsOnline: await countOnlineAgents(db, { workspaceId, teamId: teamId ?? null, now: new Date() }),
  };
}
