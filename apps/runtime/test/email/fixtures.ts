import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../../src/db/schema';

/** Minimal rows the email and office-hours tests hang on: a workspace with a bot and a visitor. */
export async function seedWorkspace(db: Kysely<Database>) {
  const workspaceId = randomUUID();
  const botId = randomUUID();
  const visitorId = randomUUID();
  await db.insertInto('workspaces').values({ id: workspaceId, name: 'Acme', settings: '{}' }).execute();
  await db
    .insertInto('bots')
    .values({ id: botId, workspace_id: workspaceId, name: 'Acme bot', allowed_origins: '[]', settings: '{}' })
    .execute();
  await db
    .insertInto('visitors')
    .values({ id: visitorId, bot_id: botId, token_hash: randomUUID(), variables: '{}', email: 'visitor@example.test' })
    .execute();
  return { workspaceId, botId, visitorId };
}

export async function seedUser(
  db: Kysely<Database>,
  workspaceId: string,
  name: string,
  role: UserRole = 'agent',
  presence: 'online' | 'away' | 'offline' = 'online',
) {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      workspace_id: workspaceId,
      email: `${name.toLowerCase()}.${id.slice(0, 6)}@example.test`,
      name,
      password_hash: 'x',
      role,
      presence,
    })
    .execute();
  return await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function seedTeam(db: Kysely<Database>, workspaceId: string, name: string, memberIds: string[]) {
  const id = randomUUID();
  await db.insertInto('teams').values({ id, workspace_id: workspaceId, name }).execute();
  if (memberIds.length > 0) {
    await db
      .insertInto('team_members')
      .values(memberIds.map((user_id) => ({ team_id: id, user_id })))
      .execute();
  }
  return id;
}

/**
 * A workspace (as `seedWorkspace`) with two agents, each alone in a team: Ana, online, in `teams.staffed`, and Ben,
 * `benPresence`, in `teams.unstaffed` (nobody of it online). Returns the workspace and both team ids.
 */
export async function seedStaffedAndUnstaffedTeams(
  db: Kysely<Database>,
  teams: { staffed: string; unstaffed: string },
  benPresence: 'away' | 'offline',
) {
  const ws = await seedWorkspace(db);
  const ana = await seedUser(db, ws.workspaceId, 'Ana', 'agent', 'online');
  const ben = await seedUser(db, ws.workspaceId, 'Ben', 'agent', benPresence);
  const unstaffed = await seedTeam(db, ws.workspaceId, teams.unstaffed, [ben.id]);
  const staffed = await seedTeam(db, ws.workspaceId, teams.staffed, [ana.id]);
  return { ws, staffed, unstaffed };
}

export async function seedConversation(
  db: Kysely<Database>,
  ws: { workspaceId: string; botId: string; visitorId: string },
  values: Partial<{
    status: 'bot' | 'needs_agent' | 'agent' | 'resolved';
    team_id: string | null;
    assignee_id: string | null;
    handed_off_at: Date | null;
    first_response_at: Date | null;
    summary: string | null;
    priority: 'low' | 'medium' | 'high' | 'urgent' | null;
  }> = {},
) {
  const id = randomUUID();
  await db
    .insertInto('conversations')
    .values({
      id,
      workspace_id: ws.workspaceId,
      bot_id: ws.botId,
      visitor_id: ws.visitorId,
      variables: '{}',
      status: 'bot',
      flow_version_id: null,
      priority: null,
      priority_reason: null,
      summary: null,
      assignee_id: null,
      team_id: null,
      last_seq: 0,
      ...values,
    })
    .execute();
  return id;
}

/** Appends a message with the next seq, as the conversation service would. */
export async function seedMessage(
  db: Kysely<Database>,
  conversationId: string,
  message: {
    author: 'visitor' | 'bot' | 'agent' | 'system';
    type?: string;
    payload: Record<string, unknown>;
    createdAt: Date;
    internal?: boolean;
    authorName?: string | null;
  },
) {
  const conversation = await db
    .selectFrom('conversations')
    .select('last_seq')
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  const seq = conversation.last_seq + 1;
  const id = randomUUID();
  await db
    .insertInto('messages')
    .values({
      id,
      conversation_id: conversationId,
      seq,
      author_kind: message.author,
      author_id: null,
      author_name: message.authorName ?? null,
      type: message.type ?? 'text',
      payload: JSON.stringify(message.payload),
      client_id: null,
      internal: message.internal ?? false,
      created_at: message.createdAt,
    })
    .execute();
  await db.updateTable('conversations').set({ last_seq: seq }).where('id', '=', conversationId).execute();
  return id;
}
