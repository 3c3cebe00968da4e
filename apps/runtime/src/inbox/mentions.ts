import type { Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import type { Services } from '../services';
import { canSee } from './access';
import { membershipsOf } from './teams';

/**
 * Of the mentioned ids, the users of the conversation's workspace who may see it (the inbox's own
 * visibility rule, `canSee`): a note never reaches someone its conversation is hidden from.
 */
export async function mentionableIds(db: Kysely<Database>, conversation: Conversation, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'workspace_id'])
    .where('workspace_id', '=', conversation.workspace_id)
    .where('id', 'in', unique)
    .execute();
  if (users.length === 0) return [];
  const memberships = await membershipsOf(
    db,
    'user_id',
    users.map((user) => user.id),
  );
  return users
    .filter((user) =>
      canSee(
        {
          id: user.id,
          name: user.name,
          role: user.role,
          workspaceId: user.workspace_id,
          teamIds: memberships.filter((row) => row.user_id === user.id).map((row) => row.team_id),
        },
        conversation,
      ),
    )
    .map((user) => user.id);
}

const EXCERPT = 200;

/** The in-dashboard alert: each mentioned user's sockets hear "X mentioned you in <conversation>". */
export async function publishMentions(
  services: Services,
  mention: { conversation: Conversation; authorId: string; authorName: string; text: string; userIds: string[] },
) {
  const targets = mention.userIds.filter((id) => id !== mention.authorId);
  if (targets.length === 0) return;
  const visitor = await services.db
    .selectFrom('visitors')
    .select(['name', 'email'])
    .where('id', '=', mention.conversation.visitor_id)
    .executeTakeFirst();
  const text = mention.text.length > EXCERPT ? `${mention.text.slice(0, EXCERPT - 1)}…` : mention.text;
  for (const userId of targets) {
    services.hub.publish({
      kind: 'mention',
      workspaceId: mention.conversation.workspace_id,
      userId,
      conversationId: mention.conversation.id,
      authorName: mention.authorName,
      visitorName: visitor?.name ?? visitor?.email ?? null,
      text,
    });
  }
}
