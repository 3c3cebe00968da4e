import {
  type AnalyticsLive,
  type AnalyticsOverview,
  type AnalyticsOverviewQuery,
  type DurationFigures,
  noCsat,
} from '@flowdesk/contract';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { csatFigures } from '../csat/figures';
import { planEachTime } from '../db/plan-each-time';
import type { Database } from '../db/schema';
import { countOnlineAgents } from '../office-hours';
import { Schedule } from '../office-hours/schedule';
import { officeHoursDb } from '../office-hours/tables';
import { usedChannel as summaryUsedChannel } from './conversation-summary';
import { namedBlockHandoffs } from './handoff-blocks';
import { openTimeDurations } from './office-durations';
import { asReport } from './report';

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
  // One `exists` (not two or-ed): the planner turns it into a join instead of two probes per row.
  return sql<boolean>`exists (select 1 from conversations uc
    left join analytics_conversations ua on ua.conversation_id = uc.id
    where uc.id = ${id} and (uc.channel = ${channel} or coalesce(${channel} = any(ua.channels), false)))`;
}

/**
 * Conversations `c` started in the range, matching the filters, left-joined to their summary `a`
 * (conversation-summary.ts): the channel filter reads the summary's channels instead of the facts.
 */
export function startedConversations(
  scope: Scope,
  columns: RawBuilder<unknown>,
  where: RawBuilder<boolean> = sql<boolean>`true`,
): RawBuilder<unknown> {
  const { channel, ...rest } = scope.query;
  return sql`select ${columns} from conversations c
    left join analytics_conversations a on a.conversation_id = c.id
    where c.workspace_id = ${scope.workspaceId} and ${inRange('c.created_at', scope)}
      and ${filters('c', 'assignee_id', { ...scope, query: rest })}
      and ${channel ? summaryUsedChannel(channel) : sql`true`} and ${where}`;
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

const DAY_MS = 86_400_000;
const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Durations of the facts `kind` (and `reason`); counting only `schedule`'s open time when one is given. */
async function durations(
  db: Kysely<Database>,
  scope: Scope,
  kind: string,
  reason: string | null,
  schedule: Schedule | null,
) {
  const facts = sql`from analytics_facts f
    where f.workspace_id = ${scope.workspaceId} and f.kind = ${kind} and f.payload->>'ms' is not null
      and ${reason ? sql`f.reason = ${reason}` : sql`true`}
      and ${inRange('f.at', scope)} and ${filters('f', 'agent_id', scope)}`;
  if (schedule) {
    // The intervals to try first: the range's days and a month before it (the waits of most facts start there).
    const first = Date.parse(`${scope.query.from}T00:00:00Z`) - 32 * DAY_MS;
    return openTimeDurations(db, schedule, facts, {
      first,
      last: Date.parse(`${scope.query.to}T00:00:00Z`) + 2 * DAY_MS,
    });
  }
  // One sort for both percentiles (an array of fractions): the same values as two percentile_cont calls.
  const { rows } = await sql<{ count: number; percentiles: [number, number] | null }>`${planEachTime}
    select count(*)::int as count,
      percentile_cont(array[0.5, 0.9]) within group (order by (payload->>'ms')::float8) as percentiles
    ${facts}`.execute(db);
  const { count, percentiles } = rows[0]!;
  const figures: DurationFigures = {
    count,
    medianMs: percentiles === null ? null : Math.round(Number(percentiles[0])),
    p90Ms: percentiles === null ? null : Math.round(Number(percentiles[1])),
  };
  return figures;
}

/** A handoff group; for a block (`flow_id block_id`), `version`: the newest flow version it was counted in. */
type Group = { dim: 'reason' | 'block' | 'intent'; key: string | null; count: number; version: string | null };

/** Counts and hours of week of the started conversations: one pass, grouped by local hour. */
async function startedTotals(db: Kysely<Database>, scope: Scope) {
  const started = startedConversations(
    scope,
    sql`c.status, c.created_at, coalesce(a.handoffs, 0) as handoffs, coalesce(a.first_responses, 0) as answered,
      coalesce(a.bot_resolved, false) as bot_resolved`,
  );
  const { rows } = await asReport(db, (trx) =>
    sql<{
      conversations: number | null;
      bot_resolved: number | null;
      handed_off: number | null;
      left: number | null;
      hours: AnalyticsOverview['hourOfWeek'] | null;
    }>`${planEachTime}
    with local as (select date_trunc('hour', s.created_at at time zone ${scope.timeZone}) as at, count(*) as count,
        count(*) filter (where bot_resolved and handoffs = 0) as bot_resolved,
        count(*) filter (where handoffs > 0) as handed_off,
        count(*) filter (where handoffs > 0 and answered = 0 and status <> 'needs_agent') as unanswered
      from (${started}) s group by 1),
    hours as (select extract(isodow from at)::int as weekday, extract(hour from at)::int as hour,
        sum(count)::int as count from local group by 1, 2)
    select sum(count)::int as conversations, sum(bot_resolved)::int as bot_resolved,
      sum(handed_off)::int as handed_off, sum(unanswered)::int as left,
      (select json_agg(x order by x.weekday, x.hour) from hours x) as hours
    from local`.execute(trx),
  );
  return rows[0]!;
}

/**
 * Handoffs of the started conversations by reason, block and intent. Reasons and blocks are counted per distinct
 * pair of arrays first (a handful), then unnested: the same counts as unnesting every conversation's arrays.
 */
async function handoffGroups(db: Kysely<Database>, scope: Scope): Promise<Group[]> {
  const columns = sql`a.handoff_reasons, a.handoff_blocks, a.handoff_intents`;
  const { botId, teamId, agentId, channel } = scope.query;
  // The summaries alone unless a filter reads the conversation's current bot, team, assignee or channel: a summary's
  // created_at is its conversation's, and a conversation without a summary has no handoff.
  const handedOff =
    botId || teamId || agentId || channel
      ? startedConversations(scope, sql`c.id, ${columns}`, sql<boolean>`a.handoffs > 0`)
      : sql`select a.conversation_id as id, ${columns} from analytics_conversations a
          where a.workspace_id = ${scope.workspaceId} and ${inRange('a.created_at', scope)} and a.handoffs > 0`;
  const { rows } = await asReport(db, (trx) =>
    sql<{ groups: Group[] | null }>`${planEachTime}
    with ho as materialized (${handedOff}),
    arrays as (select handoff_reasons, handoff_blocks, count(*) as n from ho group by 1, 2),
    blocks as (select arrays.n, fb.* from arrays cross join lateral (
        select v.flow_id || ' ' || substr(u.key, strpos(u.key, ' ') + 1) as key,
          (array_agg(v.id order by v.number desc))[1] as version, max(v.number) as number
        from unnest(arrays.handoff_blocks) u(key) join flow_versions v on v.id = split_part(u.key, ' ', 1)
        group by 1) fb),
    hi as (select ho.id, e.key, (e.value->>0)::bigint as fact, e.value->>1 as name
      from ho cross join lateral jsonb_each(ho.handoff_intents) e where ho.handoff_intents <> '{}'),
    named as (select distinct on (key) key, name from hi order by key, fact desc),
    groups as (
      select 'reason' as dim, r.key, sum(n)::int as count, null as version
      from arrays cross join lateral unnest(arrays.handoff_reasons) r(key) group by r.key
      union all
      select 'block', key, sum(n)::int, (array_agg(version order by number desc))[1] from blocks group by key
      union all
      select 'intent', n.name, count(distinct hi.id)::int, null from hi join named n on n.key = hi.key
      group by n.name)
    select json_agg(g order by g.dim, g.count desc, g.key) as groups from groups g`.execute(trx),
  );
  return rows[0]!.groups ?? [];
}

/** The overview figures of conversations started in the range (durations: measured in the range). */
export async function overview(
  db: Kysely<Database>,
  workspaceId: string,
  query: AnalyticsOverviewQuery,
): Promise<AnalyticsOverview> {
  const schedule = await workspaceSchedule(db, workspaceId);
  const scope: Scope = { workspaceId, timeZone: schedule?.timezone ?? 'UTC', query };
  // Counting only open office time (all of it without office hours).
  const officeTime = query.officeHoursOnly ? schedule : null;
  // Independent statements on their own connections: PostgreSQL runs them side by side.
  const [total, groups, firstResponse, resolution, csat] = await Promise.all([
    startedTotals(db, scope),
    handoffGroups(db, scope),
    durations(db, scope, 'first_response', null, officeTime),
    durations(db, scope, 'resolved', 'human', officeTime),
    csatFigures(db, scope, null),
  ]);
  const conversations = total.conversations ?? 0;
  const botResolved = total.bot_resolved ?? 0;
  const handedOff = total.handed_off ?? 0;
  const group = (dim: Group['dim']) =>
    groups.filter((row) => row.dim === dim).map((row) => ({ key: row.key ?? '', count: row.count }));
  return {
    timeZone: scope.timeZone,
    from: query.from,
    to: query.to,
    conversations,
    botResolved,
    botResolvedRate: rate(botResolved, conversations),
    handedOff,
    handoffRate: rate(handedOff, conversations),
    handoffsByReason: group('reason'),
    handoffsByBlock: await namedBlockHandoffs(
      db,
      groups.flatMap((row) =>
        row.dim === 'block' && row.key && row.version ? [{ key: row.key, count: row.count, version: row.version }] : [],
      ),
    ),
    handoffsByIntent: group('intent'),
    leftWithoutAnswer: total.left ?? 0,
    firstResponse,
    resolution,
    csat: csat.get('') ?? noCsat(),
    hourOfWeek: total.hours ?? [],
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
