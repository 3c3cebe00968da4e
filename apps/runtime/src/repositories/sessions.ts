import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
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

export async function deleteSession(db: Kysely<Database>, token: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>) {
  await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
}
