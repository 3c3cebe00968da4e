import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../db/schema';
import { hashToken, newId, newToken } from '../services/secrets';

/** Creates a login session; returns the raw token for the cookie (only its hash is stored). */
export async function createSession(db: Kysely<Database>, userId: string, ttlHours: number) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({ id: newId(), token_hash: hashToken(token), user_id: userId, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** The user behind a session token, when the session exists and has not expired. */
export function findSessionUser(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', new Date())
    .executeTakeFirst();
}

/** The session behind a token (its id is what realtime revokes name; the token never leaves this module). */
export async function findSession(db: Kysely<Database>, token: string) {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.id as session_id')
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', new Date())
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id: sessionId, ...user } = row;
  return { sessionId, user };
}

/** Ends the session of a token; returns whose it was (to close its sockets), or undefined when there was none. */
export function deleteSession(db: Kysely<Database>, token: string) {
  return db
    .deleteFrom('sessions')
    .using('users')
    .whereRef('users.id', '=', 'sessions.user_id')
    .where('sessions.token_hash', '=', hashToken(token))
    .returning(['sessions.id as sessionId', 'sessions.user_id as userId', 'users.workspace_id as workspaceId'])
    .executeTakeFirst();
}

/**
 * Ends every session of a user except the one of `keepToken` when it is theirs (the user changing their own
 * password stays signed in where they did it). Returns the id of the session kept.
 */
export async function deleteUserSessions(db: Kysely<Database>, userId: string, keepToken?: string) {
  const kept = keepToken
    ? await db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', userId)
        .where('token_hash', '=', hashToken(keepToken))
        .executeTakeFirst()
    : undefined;
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (kept) query = query.where('id', '!=', kept.id);
  await query.execute();
  return kept?.id;
}

/** Of the given session ids, those still valid, with their user's current role and teams. */
export async function liveSessionRights(db: Kysely<Database>, sessionIds: string[]) {
  const live = new Map<string, { role: UserRole; teamIds: string[] }>();
  const unique = [...new Set(sessionIds)];
  for (let start = 0; start < unique.length; start += 1000) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('team_members', 'team_members.user_id', 'users.id')
      .select(['sessions.id', 'users.role', 'team_members.team_id'])
      .where('sessions.id', 'in', unique.slice(start, start + 1000))
      .where('sessions.expires_at', '>', new Date())
      .execute();
    for (const row of rows) {
      const entry = live.get(row.id) ?? { role: row.role, teamIds: [] };
      if (row.team_id) entry.teamIds.push(row.team_id);
      live.set(row.id, entry);
    }
  }
  return live;
}

export async function deleteExpiredSessions(db: Kysely<Database>) {
  await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
}
