import type { AnalyticsOverviewQuery } from '@flowdesk/contract';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { planEachTime } from '../db/plan-each-time';
import type { Database } from '../db/schema';
import { type Scope, startedConversations, workspaceTimeZone } from './overview';
import { asReport } from './report';

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
  'bot_name',
  'team_name',
  'assignee_name',
  'started_local',
] as const;

/** Starts the file: spreadsheets then read it as UTF-8. */
const UTF8_BOM = '\uFEFF';

/** The names of the workspace's bots, teams and people, read once per export (ids alone mean nothing in a sheet). */
async function workspaceNames(db: Kysely<Database>, workspaceId: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; name: string }>`
    select id, name from bots where workspace_id = ${workspaceId}
    union all select id, name from teams where workspace_id = ${workspaceId}
    union all select id, name from users where workspace_id = ${workspaceId}`.execute(db);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** One CSV field: quoted when needed; a leading = + - @ is neutralised so spreadsheets never run it. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The start as csvField wrote the Date pg read (`toISOString()`: milliseconds, the microseconds dropped), made here:
 * reading 100,000 times into Dates cost the export more than its statements.
 */
const STARTED_AT = sql`to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The start on the workspace's wall clock, as a spreadsheet reads a date and time: the days the page counted (an
 * admin in Los Angeles exporting up to 7 Dec saw evening conversations dated 8 Dec in UTC `started_at`).
 */
const startedLocal = (timeZone: string) => sql`to_char(c.created_at at time zone ${timeZone}, 'YYYY-MM-DD HH24:MI:SS')`;

type CsvRow = Record<(typeof COLUMNS)[number], unknown> & { cursor_at: string };

/**
 * Conversations started in the range with their figures, oldest first (at most `limit` rows), as CSV text in
 * pages of `pageSize` lines (keyset on start time and id), the header first: one conversation summary row each
 * (conversation-summary.ts), never the whole export in memory. The first page is smaller (`firstPageSize`): the
 * route answers once it is read (40 ms at 5,000 lines for 90 days on the bench); larger pages after it cost less
 * per line (the whole 90-day file: 900 ms in pages of 5,000, 750 ms in pages of 20,000).
 */
export async function* conversationsCsvPages(
  db: Kysely<Database>,
  workspaceId: string,
  query: AnalyticsOverviewQuery,
  { limit = 100_000, pageSize = 20_000, firstPageSize = Math.min(pageSize, 5_000) } = {},
): AsyncGenerator<string> {
  const scope: Scope = { workspaceId, timeZone: await workspaceTimeZone(db, workspaceId), query };
  const names = await workspaceNames(db, workspaceId);
  const nameOf = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? null) : null);
  // The header rides with the first page, so the route has run one query before it answers 200. A byte-order mark
  // before it: without one Excel reads the file as ANSI ('TrÃ¨s bien' for a visitor's 'Très bien', 'JosÃ©' for José).
  let header = `${UTF8_BOM}${COLUMNS.join(',')}\r\n`;
  let after: { at: string; id: string } | null = null;
  for (let left = limit; left > 0; ) {
    const cursor: RawBuilder<boolean> = after
      ? sql<boolean>`c.created_at >= ${after.at}::timestamptz and (c.created_at, c.id) > (${after.at}::timestamptz, ${after.id})`
      : sql<boolean>`true`;
    const { rows } = await asReport(db, (trx) =>
      sql<CsvRow>`${planEachTime}
      ${startedConversations(
        scope,
        sql`c.id as conversation_id, ${STARTED_AT} as started_at, c.status, c.channel, c.bot_id, c.team_id,
          c.assignee_id, coalesce(a.blocks_visited, 0) as blocks_visited, coalesce(a.handoffs, 0) as handoffs,
          a.first_handoff_reason as handoff_reason, a.first_response_ms, a.resolved_by, a.resolution_ms,
          coalesce(a.reopens, 0) as reopens, a.csat_score, c.created_at::text as cursor_at,
          ${startedLocal(scope.timeZone)} as started_local,
          (select s.comment from csat_surveys s where s.conversation_id = c.id and s.score is not null
            order by s.resolved_at desc limit 1) as csat_comment`,
        cursor,
      )} order by c.created_at, c.id limit ${Math.min(after ? pageSize : firstPageSize, left)}`.execute(trx),
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      row.bot_name = nameOf(row.bot_id);
      row.team_name = nameOf(row.team_id);
      row.assignee_name = nameOf(row.assignee_id);
    }
    yield header + rows.map((row) => `${COLUMNS.map((column) => csvField(row[column])).join(',')}\r\n`).join('');
    header = '';
    left -= rows.length;
    const last = rows[rows.length - 1]!;
    after = { at: last.cursor_at, id: last.conversation_id as string };
  }
  if (header) yield header;
}

/** The whole CSV as one string (tests, the bench): the pages of conversationsCsvPages joined. */
export async function conversationsCsv(
  db: Kysely<Database>,
  workspaceId: string,
  query: AnalyticsOverviewQuery,
  options: { limit?: number; pageSize?: number; firstPageSize?: number } = {},
): Promise<string> {
  let csv = '';
  for await (const page of conversationsCsvPages(db, workspaceId, query, options)) csv += page;
  return csv;
}
