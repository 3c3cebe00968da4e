import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from '../services';
import { type Viewer, visibleTo } from './access';
import { markRead } from './list-extras';

/** Tells the reader's own dashboards (every tab, every instance) that they read `conversationId` up to `seq`. */
export function publishRead(
  services: Services,
  read: { workspaceId: string; userId: string; conversationId: string; seq: number },
) {
  services.hub.publish({ kind: 'read', ...read });
}

/** Marks read and tells the reader's other dashboards at once. */
export async function markReadAndTell(
  services: Services,
  viewer: Viewer,
  conversation: { id: string; workspace_id: string },
  seq: number,
) {
  await markRead(services.db, conversation.id, viewer.id, seq);
  publishRead(services, {
    workspaceId: conversation.workspace_id,
    userId: viewer.id,
    conversationId: conversation.id,
    seq,
  });
}

/**
 * How many open conversations waiting on the viewer (assigned to them, or needing an agent) hold visitor
 * messages they have not read: the number in the tab title and on the favicon.
 */
export async function unreadConversations(db: Kysely<Database>, viewer: Viewer): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .where(visibleTo(viewer))
    .where('conversations.status', '!=', 'resolved')
    .where((eb) =>
      eb.or([eb('conversations.assignee_id', '=', viewer.id), eb('conversations.status', '=', 'needs_agent')]),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('messages')
          .select(sql`1`.as('one'))
          .whereRef('messages.conversation_id', '=', 'conversations.id')
          .where('messages.author_kind', '=', 'visitor')
          .where(
            sql<boolean>`messages.seq > coalesce((select r.last_read_seq from conversation_reads r where r.conversation_id = conversations.id and r.user_id = ${viewer.id}), 0)`,
          ),
      ),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
