import type { Kysely } from 'kysely';
import type { Database, User, UserRole } from '../db/schema';
import { hashPassword, newId } from '../services/secrets';

/** What the API shows of a user (never the password hash). */
export interface PublicUser {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: UserRole;
  avatarUrl: string | null;
  presence: User['presence'];
}

export const toPublicUser = (user: User): PublicUser => ({
  id: user.id,
  workspaceId: user.workspace_id,
  email: user.email,
  name: user.name,
  role: user.role,
  avatarUrl: user.avatar_url,
  presence: user.presence,
});

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewUserInput {
  workspaceId: string;
  email: string;
  name: string;
  password: string;
  role: UserRole;
  avatarUrl?: string | null;
}

export async function createUser(db: Kysely<Database>, input: NewUserInput): Promise<User> {
  return db
    .insertInto('users')
    .values({
      id: newId(),
      workspace_id: input.workspaceId,
      email: normalizeEmail(input.email),
      name: input.name,
      password_hash: await hashPassword(input.password),
      role: input.role,
      avatar_url: input.avatarUrl ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user's own name and avatar (null removes it); fields left undefined stay as they are. */
export function updateOwnProfile(
  db: Kysely<Database>,
  id: string,
  patch: { name?: string; avatarUrl?: string | null },
): Promise<User> {
  return db
    .updateTable('users')
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.avatarUrl === undefined ? {} : { avatar_url: patch.avatarUrl }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
