import type { Kysely } from 'kysely';
import type { Database, User } from '../db/schema';
import type { ConversationFacts } from './compose';
import type { NotificationSettings } from './notification-settings';
import { type NotificationEvent, usersWanting } from './preferences';

export function workspaceUsers(db: Kysely<Database>, workspaceId: string, role?: User['role']): Promise<User[]> {
  let query = db.selectFrom('users').selectAll().where('workspace_id', '=', workspaceId);
  if (role) query = query.where('role', '=', role);
  return query.orderBy('created_at').execute();
}

export function teamUsers(db: Kysely<Database>, teamId: string): Promise<User[]> {
  return db
    .selectFrom('users')
    .innerJoin('team_members', 'team_members.user_id', 'users.id')
    .selectAll('users')
    .where('team_members.team_id', '=', teamId)
    .orderBy('users.created_at')
    .execute();
}

export function usersByIds(db: Kysely<Database>, workspaceId: string, ids: string[]): Promise<User[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .orderBy('created_at')
    .execute();
}

const without = (users: User[], userId: string | null | undefined) => users.filter((u) => u.id !== userId);

/** Needs attention: the team's members (or every agent, per settings or when there is no team). */
export async function needsAttentionRecipients(
  db: Kysely<Database>,
  conversation: ConversationFacts,
  settings: NotificationSettings,
): Promise<User[]> {
  const people =
    settings.needsAttentionTo === 'team' && conversation.teamId
      ? await teamUsers(db, conversation.teamId)
      : await workspaceUsers(db, conversation.workspaceId);
  return usersWanting(db, people, 'needs_attention');
}

/** The assignee, unless they took it themselves. */
export async function assignedRecipients(
  db: Kysely<Database>,
  workspaceId: string,
  assigneeId: string,
  assignedById: string | null,
): Promise<User[]> {
  if (assigneeId === assignedById) return [];
  return usersWanting(db, await usersByIds(db, workspaceId, [assigneeId]), 'assigned_to_you');
}

/** Members of the team, except whoever did the assigning. */
export async function teamAssignedRecipients(
  db: Kysely<Database>,
  teamId: string,
  assignedById: string | null,
): Promise<User[]> {
  return usersWanting(db, without(await teamUsers(db, teamId), assignedById), 'assigned_to_team');
}

/** Mentioned users of the same workspace, never the note's author. */
export async function mentionRecipients(
  db: Kysely<Database>,
  workspaceId: string,
  mentionedUserIds: string[],
  authorId: string,
): Promise<User[]> {
  const people = await usersByIds(db, workspaceId, [...new Set(mentionedUserIds)]);
  return usersWanting(db, without(people, authorId), 'mentioned');
}

/** Admins of the workspace: escalation goes beyond the peers who already got "needs attention". */
export async function escalationRecipients(db: Kysely<Database>, workspaceId: string): Promise<User[]> {
  return usersWanting(db, await workspaceUsers(db, workspaceId, 'admin'), 'sla_escalation');
}

export async function unseenRecipients(
  db: Kysely<Database>,
  workspaceId: string,
  assigneeId: string,
  event: NotificationEvent = 'unseen_message',
): Promise<User[]> {
  return usersWanting(db, await usersByIds(db, workspaceId, [assigneeId]), event);
}
