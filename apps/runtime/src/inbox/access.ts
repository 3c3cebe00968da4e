import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import type { PublicUser } from '../people/users';
import type { Services } from '../services';
import { type ConversationTx, withConversation } from '../services/conversation-tx';

/** Who is asking: enough of the signed-in user to decide what they may see. */
export interface Viewer {
  id: string;
  workspaceId: string;
  role: PublicUser['role'];
  name: string;
  /** Teams the viewer belongs to. */
  teamIds: string[];
}

export async function loadViewer(db: Kysely<Database>, user: PublicUser): Promise<Viewer> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', user.id).execute();
  return {
    id: user.id,
    workspaceId: user.workspaceId,
    role: user.role,
    name: user.name,
    teamIds: rows.map((r) => r.team_id),
  };
}

/**
 * The visibility rule, as a where-clause on `conversations`: admins see their whole workspace; agents see
 * conversations assigned to them, routed to one of their teams, or not assigned to anyone or any team.
 */
export function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'conversations'>) => {
    const inWorkspace = eb('conversations.workspace_id', '=', viewer.workspaceId);
    if (viewer.role === 'admin') return inWorkspace;
    const reachable = [
      eb('conversations.assignee_id', '=', viewer.id),
      eb.and([eb('conversations.assignee_id', 'is', null), eb('conversations.team_id', 'is', null)]),
    ];
    if (viewer.teamIds.length > 0) reachable.push(eb('conversations.team_id', 'in', viewer.teamIds));
    return eb.and([inWorkspace, eb.or(reachable)]);
  };
}

export function canSee(viewer: Viewer, conversation: Conversation): boolean {
  if (conversation.workspace_id !== viewer.workspaceId) return false;
  if (viewer.role === 'admin') return true;
  if (conversation.assignee_id === viewer.id) return true;
  if (conversation.team_id && viewer.teamIds.includes(conversation.team_id)) return true;
  return conversation.assignee_id === null && conversation.team_id === null;
}

/** The conversation if the viewer may see it: 404 for another workspace (no hint it exists), 403 otherwise. */
export async function accessibleConversation(db: Kysely<Database>, viewer: Viewer, id: string): Promise<Conversation> {
  const conversation = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!conversation || conversation.workspace_id !== viewer.workspaceId) throw new NotFoundError('Conversation');
  if (!canSee(viewer, conversation)) throw new ForbiddenError('This conversation belongs to another agent or team');
  return conversation;
}

/** Same check on a row already locked inside a transaction (it may have moved since). */
export function assertCanSee(viewer: Viewer, conversation: Conversation) {
  if (conversation.workspace_id !== viewer.workspaceId) throw new NotFoundError('Conversation');
  if (!canSee(viewer, conversation)) throw new ForbiddenError('This conversation belongs to another agent or team');
}

/** An agent's change to a conversation: `work` runs on the locked row once the viewer may still see it. */
export function withVisibleConversation<T>(
  services: Services,
  viewer: Viewer,
  conversationId: string,
  work: (tx: ConversationTx) => Promise<T>,
): Promise<T> {
  return withConversation(services, conversationId, async (tx) => {
    assertCanSee(viewer, tx.conversation);
    return work(tx);
  });
}

/** What an agent's change with a request body gets besides the locked conversation. */
export interface AgentChange<Input> {
  services: Services;
  viewer: Viewer;
  conversationId: string;
  input: Input;
}

/**
 * An agent's change that takes a request body, as the `(services, viewer, conversationId, input)` function
 * the routes call: `work` runs inside withVisibleConversation.
 */
export function agentChange<Input, T>(work: (tx: ConversationTx, change: AgentChange<Input>) => Promise<T>) {
  return (services: Services, viewer: Viewer, conversationId: string, input: Input): Promise<T> =>
    withVisibleConversation(services, viewer, conversationId, (tx) =>
      work(tx, { services, viewer, conversationId, input }),
    );
}
