import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { badRequest, conflict, notFound } from '../http/errors';
import { AvatarUrlInput } from '../http/schemas';
import { createUser, normalizeEmail, toPublicUser } from '../repositories/users';
import { hashPassword } from '../services/secrets';
import type { Viewer } from './access';
import { deleteOwned } from './workspace-rows';

export const UserInput = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(200),
  role: z.enum(['admin', 'agent']).default('agent'),
});
export const UserPatch = z
  .object({
    name: UserInput.shape.name.optional(),
    role: z.enum(['admin', 'agent']).optional(),
    password: UserInput.shape.password.optional(),
    avatarUrl: AvatarUrlInput.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change');

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

export async function addUser(db: Kysely<Database>, admin: Viewer, input: z.infer<typeof UserInput>) {
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', normalizeEmail(input.email))
    .executeTakeFirst();
  if (taken) throw conflict('A user with this email exists', { field: 'email' });
  return toPublicUser(await createUser(db, { ...input, workspaceId: admin.workspaceId }));
}

export async function updateUser(db: Kysely<Database>, admin: Viewer, id: string, patch: z.infer<typeof UserPatch>) {
  if (id === admin.id && patch.role === 'agent') throw badRequest('You cannot remove your own admin role');
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
  if (!user) throw notFound('User');
  if (patch.password !== undefined) await db.deleteFrom('sessions').where('user_id', '=', id).execute();
  return toPublicUser(user);
}

export async function removeUser(db: Kysely<Database>, admin: Viewer, id: string) {
  if (id === admin.id) throw badRequest('You cannot remove yourself');
  await deleteOwned(db, 'users', admin.workspaceId, id, 'User');
}
