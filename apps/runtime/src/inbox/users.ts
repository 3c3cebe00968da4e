import type { UserInput, UserPatch } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { deleteUserSessions } from '../people/sessions';
import { createUser, findUserById, normalizeEmail, toPublicUser } from '../people/users';
import { revoke } from '../realtime/revocations';
import type { Services } from '../services';
import { hashPassword } from '../services/secrets';
import type { Viewer } from './access';
import { deleteOwned } from './workspace-rows';

/** Teammates (everyone may list them, for assignment and @mentions). */
export async function listUsers(db: Kysely<Database>, workspaceId: string) {
  const users = await db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  return users.map(toPublicUser);
}

export async function addUser(db: Kysely<Database>, admin: Viewer, input: z.output<typeof UserInput>) {
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', normalizeEmail(input.email))
    .executeTakeFirst();
  if (taken) throw new ConflictError('A user with this email exists', { field: 'email' });
  return toPublicUser(await createUser(db, { ...input, workspaceId: admin.workspaceId }));
}

/**
 * Changes a user. A new password ends their sessions (all of them; when admins change their own, all but the one
 * they did it from, as most products do) and closes those sessions' sockets; losing the admin role closes the
 * user's sockets so they reconnect with the rights they have now.
 */
export async function updateUser(
  services: Services,
  admin: Viewer,
  id: string,
  patch: z.output<typeof UserPatch>,
  /** The session cookie of the request (kept when the admin changes their own password). */
  currentToken?: string,
) {
  if (id === admin.id && patch.role === 'agent') throw new ValidationError('You cannot remove your own admin role');
  const { db } = services;
  const before = await findUserById(db, id);
  const user = await db
    .updateTable('users')
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.role === undefined ? {} : { role: patch.role }),
      ...(patch.password === undefined ? {} : { password_hash: await hashPassword(patch.password) }),
      ...(patch.avatarUrl === undefined ? {} : { avatar_url: patch.avatarUrl }),
    })
    .where('id', '=', id)
    .where('workspace_id', '=', admin.workspaceId)
    .returningAll()
    .executeTakeFirst();
  if (!user) throw new NotFoundError('User');
  const target = { workspaceId: user.workspace_id, userId: user.id };
  if (patch.password !== undefined) {
    const kept = await deleteUserSessions(db, id, currentToken);
    revoke(services, { ...target, reason: 'session_ended', ...(kept ? { exceptSessionId: kept } : {}) });
  }
  if (before?.role === 'admin' && user.role !== 'admin') revoke(services, { ...target, reason: 'rights_changed' });
  return toPublicUser(user);
}

/** Removes a user; their sessions go with them, and their open sockets close on every instance. */
export async function removeUser(services: Services, admin: Viewer, id: string) {
  if (id === admin.id) throw new ValidationError('You cannot remove yourself');
  await deleteOwned(services.db, 'users', admin.workspaceId, id, 'User');
  revoke(services, { workspaceId: admin.workspaceId, userId: id, reason: 'session_ended' });
}
