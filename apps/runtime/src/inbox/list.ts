import { InboxFilter, type InboxListQuery } from '@flowdesk/contract';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import { type Viewer, visibleTo } from './access';
import { followUpView, summaryView } from './follow-up-view';
import { lastMessages, unreadCounts } from './list-extras';

export type ListQuery = z.infer<typeof InboxListQuery>;

type Eb = ExpressionBuilder<Database, 'conversations'>;

function filterWhere(viewer: Viewer, filter: InboxFilter) {
  return (eb: Eb) => {
    const open = eb('conversations.status', '!=', 'resolved');
    switch (filter) {
      case 'needs_agent':
        return eb('conversations.status', '=', 'needs_agent');
      case 'mine':
        return eb.and([open, eb('conversations.assignee_id', '=', viewer.id)]);
      case 'my_teams':
        return viewer.teamIds.length === 0
          ? eb.val(false)
          : eb.and([open, eb('conversations.team_id', 'in', viewer.teamIds)]);
      case 'unassigned':
        return eb.and([
          eb('conversations.status', 'in', ['needs_agent', 'agent']),
          eb('conversations.assignee_id', 'is', null),
        ]);
      case 'resolved':
        return eb('conversations.status', '=', 'resolved');
      default:
        return open;
    }
  };
}

/** Visitor name, email, or any visitor-visible message text contains the words. */
function searchWhere(q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return (eb: ExpressionBuilder<Database, 'conversations' | 'visitors'>) =>
    eb.or([
      eb('visitors.name', 'ilike', pattern),
      eb('visitors.email', 'ilike', pattern),
      eb.exists(
        eb
          .selectFrom('messages')
          .select(sql`1`.as('one'))
          .whereRef('messages.conversation_id', '=', 'conversations.id')
          .where('messages.internal', '=', false)
          .where(sql<boolean>`messages.payload->>'text' ilike ${pattern}`),
      ),
    ]);
}

const PRIORITY_RANK = sql<number>`case conversations.priority when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end`;

/** Conversations the viewer may see in one filter: priority first, then whoever has waited longest. */
export async function listConversations(db: Kysely<Database>, viewer: Viewer, query: ListQuery) {
  let builder = db
    .selectFrom('conversations')
    .innerJoin('visitors', 'visitors.id', 'conversations.visitor_id')
    .leftJoin('users', 'users.id', 'conversations.assignee_id')
    .leftJoin('teams', 'teams.id', 'conversations.team_id')
    .where(visibleTo(viewer))
    .where(filterWhere(viewer, query.filter));
  if (query.q) builder = builder.where(searchWhere(query.q));
  const rows = await builder
    .select([
      'conversations.id',
      'conversations.status',
      'conversations.priority',
      'conversations.priority_reason',
      'conversations.summary',
      'conversations.summary_data',
      'conversations.follow_up_since',
      'conversations.follow_up_reason',
      'conversations.reply_due_at',
      'conversations.assignee_id',
      'conversations.team_id',
      'conversations.last_seq',
      'conversations.handed_off_at',
      'conversations.resolved_at',
      'conversations.created_at',
      'conversations.updated_at',
      'visitors.name as visitor_name',
      'visitors.email as visitor_email',
      'users.name as assignee_name',
      'teams.name as team_name',
    ])
    .$if(query.filter === 'resolved', (qb) => qb.orderBy('conversations.resolved_at', 'desc'))
    .$if(query.filter !== 'resolved', (qb) =>
      qb
        .orderBy(PRIORITY_RANK)
        .orderBy(sql`conversations.handed_off_at asc nulls last`)
        .orderBy('conversations.updated_at', 'desc'),
    )
    .orderBy('conversations.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const ids = rows.map((row) => row.id);
  const [last, unread] = await Promise.all([lastMessages(db, ids), unreadCounts(db, viewer.id, ids)]);
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    priority: row.priority,
    priorityReason: row.priority_reason,
    summary: row.summary,
    summaryData: summaryView(row.summary_data),
    followUp: followUpView(row),
    visitor: { name: row.visitor_name, email: row.visitor_email },
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
    lastMessage: last.get(row.id) ?? null,
    lastSeq: row.last_seq,
    unread: unread.get(row.id) ?? 0,
    waitingSince: row.status === 'needs_agent' ? (row.handed_off_at?.toISOString() ?? null) : null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

export type InboxRow = Awaited<ReturnType<typeof listConversations>>[number];

/** How many conversations each filter holds for the viewer (the badge shows `needs_agent`). */
export async function filterCounts(db: Kysely<Database>, viewer: Viewer): Promise<Record<InboxFilter, number>> {
  const filters = InboxFilter.options;
  const row = await db
    .selectFrom('conversations')
    .where(visibleTo(viewer))
    .select((eb) =>
      filters.map((filter) => eb.fn.countAll<string>().filterWhere(filterWhere(viewer, filter)(eb)).as(filter)),
    )
    .executeTakeFirstOrThrow();
  const counts = row as unknown as Record<InboxFilter, string | number>;
  return Object.fromEntries(filters.map((filter) => [filter, Number(counts[filter])])) as Record<InboxFilter, number>;
}
