/**
 * Seeds one workspace of bench/analytics with set-based SQL (generate_series, INSERT … SELECT): 100,000
 * conversations over the last 90 days with about 1,000,000 messages and the analytics facts, CSAT surveys and
 * conversation states the runtime would have written for them. Deterministic (setseed) for a given `end`.
 */
import type pg from 'pg';

export const WORKSPACE = 'bench-analytics';
export const TIME_ZONE = 'Europe/Paris';
export const CONVERSATIONS = 100_000;
export const DAYS = 90;
export const BOTS = ['bench-bot-1', 'bench-bot-2', 'bench-bot-3'];
export const TEAMS = ['bench-team-1', 'bench-team-2', 'bench-team-3', 'bench-team-4'];
/** Five agents per team: bench-agent-<team>-<n>. */
export const AGENTS = TEAMS.flatMap((_, team) => [1, 2, 3, 4, 5].map((n) => `bench-agent-${team + 1}-${n}`));

const schedule = {
  timezone: TIME_ZONE,
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ start: '09:00', end: '18:00' }]]),
  ),
  holidays: [],
};

/** Workspace, people, bots with two published flow versions each, office hours. */
const setup = [
  `insert into workspaces (id, name) values ('${WORKSPACE}', 'Analytics bench')`,
  `insert into users (id, workspace_id, email, name, password_hash, role, presence)
    values ('bench-admin', '${WORKSPACE}', 'admin@bench.test', 'Admin', 'x', 'admin', 'online')`,
  `insert into teams (id, workspace_id, name) select 'bench-team-' || t, '${WORKSPACE}', 'Team ' || t
    from generate_series(1, 4) t`,
  `insert into users (id, workspace_id, email, name, password_hash, role, presence)
    select 'bench-agent-' || t || '-' || n, '${WORKSPACE}', 'agent' || t || n || '@bench.test', 'Agent ' || t || '.' || n,
      'x', 'agent', case when n <= 2 then 'online' else 'offline' end
    from generate_series(1, 4) t, generate_series(1, 5) n`,
  `insert into team_members (team_id, user_id) select 'bench-team-' || t, 'bench-agent-' || t || '-' || n
    from generate_series(1, 4) t, generate_series(1, 5) n`,
  `insert into bots (id, workspace_id, name, settings) select 'bench-bot-' || b, '${WORKSPACE}', 'Bot ' || b,
      case when b = 3 then '{"csat":"thumbs"}'::jsonb else '{}'::jsonb end
    from generate_series(1, 3) b`,
  `insert into flows (id, bot_id, name, draft) select 'bench-flow-' || b, 'bench-bot-' || b, 'Main', '{}'
    from generate_series(1, 3) b`,
  `update bots set flow_id = 'bench-flow-' || substr(id, 11) where workspace_id = '${WORKSPACE}'`,
  `insert into flow_versions (id, flow_id, number, document) select 'bench-v' || b || '-' || v, 'bench-flow-' || b, v, '{}'
    from generate_series(1, 3) b, generate_series(1, 2) v`,
  `insert into office_hours (workspace_id, team_id, schedule, reply_time, offline_when)
    values ('${WORKSPACE}', null, '${JSON.stringify(schedule)}', '{}', '{}')`,
];

/**
 * One row per conversation: what happened to it. Loops through the menu 0-3 times; 50 % resolved by the bot,
 * 12 % dropped off, 38 % handed off (flow block, intent or takeover; 85 % answered, 80 % resolved by a person,
 * some left without an answer, the last day's still waiting); 3 % reopened; CSAT asked on 70 % of resolutions.
 */
const plan = (end: string) => `
  create temporary table plan as
  with base as (
    select i, random() as r_outcome, random() as r_loop, random() as r_bot, random() as r_reason, random() as r_answer,
      random() as r_resolve, random() as r_wait, random() as r_work, random() as r_csat, random() as r_score,
      random() as r_channel, random() as r_reopen,
      timestamptz '${end}' - interval '${DAYS} days' * random() as created_at
    from generate_series(1, ${CONVERSATIONS}) i
  ), shaped as (
    select *, 1 + floor(r_bot * r_bot * 3)::int as bot, floor(r_loop * r_loop * 4)::int as loops,
      case when r_outcome < 0.5 then 'bot' when r_outcome < 0.62 then 'drop' else 'handoff' end as outcome,
      1 + (i % 4) as team, 1 + ((i / 4) % 5) as agent
    from base
  )
  select i, 'bc-' || i as id, 'bv-' || i as visitor_id, 'bench-bot-' || bot as bot_id, created_at, outcome, loops,
    'bench-v' || bot || '-' || case when created_at < timestamptz '${end}' - interval '45 days' then 1 else 2 end
      as version_id,
    case when r_channel < 0.8 then 'widget' else 'email' end as channel,
    case when outcome <> 'handoff' then null when r_reason < 0.6 then 'flow' when r_reason < 0.9 then 'intent'
      else 'takeover' end as reason,
    case when outcome = 'handoff' and r_reason >= 0.6 and r_reason < 0.9
      then (array['billing', 'refund', 'bug', 'sales', 'other'])[1 + i % 5]
      when outcome = 'bot' and i % 2 = 0 then (array['billing', 'refund', 'bug', 'sales', 'other'])[1 + i % 5]
      end as intent,
    case when outcome = 'handoff' then 'bench-team-' || team end as team_id,
    case when outcome = 'handoff' then 'bench-agent-' || team || '-' || agent end as agent_id,
    created_at + interval '20 seconds' * (5 + 2 * loops) + interval '1 second' as handoff_at,
    outcome = 'handoff' and r_answer < 0.85 as answered,
    interval '1 second' * (30 + 7200 * r_wait * r_wait * r_wait) as wait,
    interval '1 second' * (120 + 28800 * r_work * r_work) as work,
    outcome = 'handoff' and created_at > timestamptz '${end}' - interval '1 day' and r_resolve < 0.5 as waiting,
    r_resolve < 0.8 as resolves, r_reopen < 0.03 as reopened, r_csat < 0.7 as surveyed, r_csat < 0.25 as rated,
    case when bot = 3 then case when r_score < 0.8 then 5 else 1 end
      else 1 + floor(5 * sqrt(r_score))::int end as score,
    1 + (i % 19) as messages
  from shaped`;

/** Derived instants and final state, as the runtime's conversation row would hold them. */
const states = `
  create temporary table states as
  select p.*,
    case when answered then handoff_at + wait end as first_response_at,
    case when outcome = 'bot' then handoff_at
      when outcome = 'handoff' and not waiting and (not answered or resolves) then handoff_at + wait + work end
      as resolved_at,
    case when outcome = 'bot' then 'resolved' when outcome = 'drop' then 'bot'
      when waiting and not answered then 'needs_agent' when waiting then 'agent'
      when not answered or resolves then 'resolved' else 'agent' end as status
  from plan p`;

const rows = [
  `insert into visitors (id, bot_id, token_hash, created_at, last_seen_at)
    select visitor_id, bot_id, md5(visitor_id), created_at, created_at from states`,
  `insert into conversations (id, workspace_id, bot_id, visitor_id, flow_version_id, channel, status, assignee_id, team_id,
      last_seq, handed_off_at, first_response_at, resolved_at, handoff_reason, created_at, updated_at)
    select id, '${WORKSPACE}', bot_id, visitor_id, version_id, channel, status,
      case when status <> 'needs_agent' then agent_id end, team_id, messages,
      case when outcome = 'handoff' then handoff_at end, first_response_at, resolved_at, reason, created_at,
      coalesce(resolved_at, first_response_at, handoff_at)
    from states`,
  `insert into messages (id, conversation_id, seq, author_kind, type, payload, created_at)
    select s.id || '-' || n, s.id, n, case when n % 2 = 1 then 'visitor' when s.answered and n > 4 then 'agent' else 'bot' end,
      'text', jsonb_build_object('text', 'Message ' || n), s.created_at + interval '15 seconds' * n
    from states s, generate_series(1, s.messages) n`,
  `insert into csat_surveys (id, workspace_id, bot_id, conversation_id, resolved_at, scale, agent_id, team_id, score,
      comment, source, rated_at)
    select 'bs-' || i, '${WORKSPACE}', bot_id, id, resolved_at, case when bot_id = 'bench-bot-3' then 'thumbs' else 'stars' end,
      case when outcome = 'handoff' then agent_id end, team_id, case when rated then score end,
      case when rated and score <= 2 then 'Too slow' end, case when rated then 'widget' end,
      case when rated then resolved_at + interval '1 minute' end
    from states where status = 'resolved' and surveyed`,
];

/** Every fact in the order the runtime would have appended them (ids grow with time). */
const facts = (end: string) => `
  insert into analytics_facts (workspace_id, bot_id, flow_version_id, conversation_id, kind, block_id, intent, reason,
    agent_id, team_id, channel, at, payload)
  select '${WORKSPACE}', s.bot_id, s.version_id, s.id, f.kind, f.block_id, f.intent, f.reason, f.agent_id, f.team_id,
    s.channel, f.at, f.payload
  from states s
  cross join lateral (
    select case when s.outcome = 'bot' then array['faq', 'bye'] when s.outcome = 'handoff' and s.reason <> 'takeover'
      then array[case when s.reason = 'intent' then 'intent' else 'menu_human' end, 'handoff'] else array[]::text[] end
      as tail,
      array(select b from generate_series(1, s.loops) k, unnest(array['tip', 'menu']) with ordinality u(b, o)
        order by k, o) as loop
  ) t
  cross join lateral (
    select 'block_entered' as kind, path.block as block_id, null as intent, null as reason, null as agent_id,
      null as team_id, s.created_at + interval '20 seconds' * path.n as at, '{}'::jsonb as payload, path.n * 2 as seq
    from unnest(array['start', 'welcome', 'menu'] || t.loop || t.tail)
      with ordinality as path(block, n)
    union all
    select 'input_answered', 'menu', null, null, null, null, s.created_at + interval '20 seconds' * (1 + 2 * k) + interval '5 seconds',
      '{}', (1 + 2 * k) * 2 + 1
    from generate_series(1, s.loops + case when s.outcome = 'drop' then 0 else 1 end) k
    union all
    select 'intent_matched', case when s.outcome = 'bot' then 'faq' else 'intent' end, s.intent, null, null, null,
      s.created_at + interval '20 seconds' * (4 + 2 * s.loops) + interval '1 second',
      jsonb_build_object('intentName', initcap(s.intent)), (4 + 2 * s.loops) * 2 + 1
    where s.intent is not null
    union all
    select 'handoff', case when s.reason = 'takeover' then null else 'handoff' end, s.intent, s.reason, null, s.team_id,
      s.handoff_at, case when s.intent is null then '{}'::jsonb else jsonb_build_object('intentName', initcap(s.intent)) end
      || jsonb_build_object('offline', extract(isodow from s.handoff_at at time zone '${TIME_ZONE}') > 5
        or extract(hour from s.handoff_at at time zone '${TIME_ZONE}') not between 9 and 17), 1000
    where s.outcome = 'handoff'
    union all
    select 'first_response', null, null, null, s.agent_id, s.team_id, s.first_response_at,
      jsonb_build_object('handedOffAt', s.handoff_at, 'ms', extract(epoch from s.wait) * 1000), 1001
    where s.first_response_at is not null
    union all
    select 'resolved', null, null, case when s.outcome = 'bot' then 'bot' else 'human' end,
      case when s.outcome = 'handoff' then s.agent_id end, s.team_id, s.resolved_at,
      case when s.outcome = 'bot' then '{}'::jsonb
        else jsonb_build_object('handedOffAt', s.handoff_at, 'ms', extract(epoch from s.resolved_at - s.handoff_at) * 1000) end,
      1002
    where s.resolved_at is not null
    union all
    select 'csat', null, null, case when s.bot_id = 'bench-bot-3' then 'thumbs' else 'stars' end,
      case when s.outcome = 'handoff' then s.agent_id end, s.team_id, s.resolved_at,
      jsonb_build_object('score', s.score, 'satisfied', s.score >= 4, 'source', 'widget'), 1003
    where s.status = 'resolved' and s.surveyed and s.rated
    union all
    select 'reopened', null, null, 'to_agents', case when s.outcome = 'handoff' then s.agent_id end, s.team_id,
      s.resolved_at + interval '1 hour', '{}', 1004
    where s.status = 'resolved' and s.reopened and s.resolved_at + interval '1 hour' < timestamptz '${end}'
  ) f
  order by f.at, s.id, f.seq`;

/** Seeds the workspace; `log` hears each step with its duration. */
export async function seedAnalytics(client: pg.Client, end: Date, log: (line: string) => void) {
  const endText = end.toISOString();
  const steps: Array<[string, string]> = [
    ...setup.map((statement, index): [string, string] => [`setup ${index + 1}`, statement]),
    ['seed random', 'select setseed(0.21)'],
    ['plan', plan(endText)],
    ['states', states],
    ...rows.map((statement): [string, string] => [statement.split(/\s+/)[2]!, statement]),
    ['analytics_facts', facts(endText)],
    ['vacuum analyze', 'vacuum analyze'],
  ];
  for (const [name, statement] of steps) {
    const started = performance.now();
    const result = await client.query(statement);
    log(`${name}: ${result.rowCount ?? 0} rows in ${Math.round(performance.now() - started)} ms`);
  }
}
