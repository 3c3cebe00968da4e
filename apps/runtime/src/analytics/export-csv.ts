import type { AnalyticsOverviewQuery } from '@flowdesk/contract';
import { type Kysely, sql } from 'kysely';
import { planEachTime } from '../db/plan-each-time';
import type { Database } from '../db/schema';
import { filters, inRange, type Scope, workspaceTimeZone } from './overview';

const COLUMNS = [
  'conversation_id',
  'started_at',
  'status',
  'bot_id',
  'team_id',
  'assignee_id',
  'blocks_visited',
  'handoffs',
  'handoff_reason',
  'first_response_ms',
  'resolved_by',
  'resolution_ms',
  'reopens',
  'csat_score',
  'csat_comment',
  'channel',
] as const;

/** One CSV field: quoted when needed; a leading = + - @ is neutralised so spreadsheets never run it. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Conversations started in the range with their figures, oldest first (at most `limit` rows). */
export async function conversationsCsv(
  db: Kysely<Database>,
  workspaceId: string,
  query: AnalyticsOverviewQuery,
  limit = 100_000,
): Promise<string> {
  const scope: Scope = { workspaceId, timeZone: await workspaceTimeZone(db, workspaceId), query };
  const { rows } = await sql<Record<(typeof COLUMNS)[number], unknown>>`${planEachTime}
    select c.id as conversation_id, c.created_at as started_at, c.status, c.channel, c.bot_id, c.team_id, c.assignee_id,
      count(f.id) filter (where f.kind = 'block_entered')::int as blocks_visited,
      count(f.id) filter (where f.kind = 'handoff')::int as handoffs,
      (array_agg(f.reason order by f.id) filter (where f.kind = 'handoff'))[1] as handoff_reason,
      (array_agg(f.payload->>'ms' order by f.id) filter (where f.kind = 'first_response'))[1] as first_response_ms,
      (array_agg(f.reason order by f.id desc) filter (where f.kind = 'resolved'))[1] as resolved_by,
      (array_agg(f.payload->>'ms' order by f.id desc) filter (where f.kind = 'resolved'))[1] as resolution_ms,
      count(f.id) filter (where f.kind = 'reopened')::int as reopens,
      (array_agg(f.payload->>'score' order by f.id desc) filter (where f.kind = 'csat'))[1] as csat_score,
      (select s.comment from csat_surveys s where s.conversation_id = c.id and s.score is not null
        order by s.resolved_at desc limit 1) as csat_comment
    from conversations c left join analytics_facts f on f.conversation_id = c.id
    where c.workspace_id = ${workspaceId} and ${inRange('c.created_at', scope)} and ${filters('c', 'assignee_id', scope, 'id')}
    group by c.id order by c.created_at, c.id limit ${limit}`.execute(db);
  const lines = [COLUMNS.join(',')];
  for (const row of rows) lines.push(COLUMNS.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
