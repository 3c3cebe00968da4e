import type { TeamInput, TeamPatch } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { revoke } from '../realtime/revocations';
import { workspaceIds, workspaceRow } from '../repositories/workspace-rows';
import type { Services } from '../services';
import { newId } from '../services/secrets';
import type { Viewer } from './access';
import { inboxDb } from './tables';
import { deleteOwned } from './workspace-rows';

/** The team memberships of these teams or of these users; none (and no query) for no ids. */
export async function membershipsOf(db: Kysely<Database>, of: 'team_id' | 'user_id', ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('team_members').select(['team_id', 'user_id']).where(of, 'in', ids).execute();
}

/** Teams of the workspace with their members. */
export async function listTeams(db: Kysely<Database>, workspaceId: string) {
  const teams = await inboxDb(db)
    .selectFrom('teams')
    .select(['id', 'name', 'is_default'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  const members = await membershipsOf(
    db,
    'team_id',
    teams.map((t) => t.id),
  );
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    isDefault: team.is_default,
    memberIds: members.filter((m) => m.team_id === team.id).map((m) => m.user_id),
  }));
}

async function setMembers(trx: Kysely<Database>, workspaceId: string, teamId: string, memberIds: string[]) {
  const unique = [...new Set(memberIds)];
  if ((await workspaceIds(trx, 'users', workspaceId, unique)).length !== unique.length) {
    throw new ValidationError('Some members are not users of this workspace', { field: 'memberIds' });
  }
  await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (unique.length)
    await trx
      .insertInto('team_members')
      .values(unique.map((user_id) => ({ team_id: teamId, user_id })))
      .execute();
}

async function clearDefault(trx: Kysely<Database>, workspaceId: string) {
  await inboxDb(trx).updateTable('teams').set({ is_default: false }).where('workspace_id', '=', workspaceId).execute();
}

const uniqueName = (error: unknown): never => {
  if ((error as { code?: string } | null)?.code === '23505')
    throw new ConflictError('A team with this name exists', { field: 'name' });
  throw error;
};

export async function createTeam(db: Kysely<Database>, admin: Viewer, input: z.infer<typeof TeamInput>) {
  const id = newId();
  await db
    .transaction()
    .execute(async (trx) => {
      if (input.isDefault) await clearDefault(trx, admin.workspaceId);
      await inboxDb(trx)
        .insertInto('teams')
        .values({ id, workspace_id: admin.workspaceId, name: input.name, is_default: input.isDefault })
        .execute();
      await setMembers(trx, admin.workspaceId, id, input.memberIds);
    })
    .catch(uniqueName);
  return (await listTeams(db, admin.workspaceId)).find((team) => team.id === id)!;
}

/** Members of a team (inside the transaction that changes them). */
async function memberIds(trx: Kysely<Database>, teamId: string) {
  const rows = await trx.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).execute();
  return rows.map((row) => row.user_id);
}

/** People who lost a team lose its conversations: their open sockets close, on every instance. */
function revokeMembers(services: Services, workspaceId: string, userIds: string[]) {
  for (const userId of userIds) revoke(services, { workspaceId, userId, reason: 'rights_changed' });
}

export async function updateTeam(services: Services, admin: Viewer, id: string, patch: z.infer<typeof TeamPatch>) {
  const { db } = services;
  let removed: string[] = [];
  await db
    .transaction()
    .execute(async (trx) => {
      if (!(await workspaceRow(trx, 'teams', admin.workspaceId, id))) throw new NotFoundError('Team');
      if (patch.isDefault) await clearDefault(trx, admin.workspaceId);
      if (patch.name !== undefined || patch.isDefault !== undefined) {
        await inboxDb(trx)
          .updateTable('teams')
          .set({
            ...(patch.name === undefined ? {} : { name: patch.name }),
            ...(patch.isDefault === undefined ? {} : { is_default: patch.isDefault }),
          })
          .where('id', '=', id)
          .execute();
      }
      if (patch.memberIds) {
        const before = await memberIds(trx, id);
        await setMembers(trx, admin.workspaceId, id, patch.memberIds);
        const after = new Set(patch.memberIds);
        removed = before.filter((userId) => !after.has(userId));
      }
    })
    .catch(uniqueName);
  revokeMembers(services, admin.workspaceId, removed);
  return (await listTeams(db, admin.workspaceId)).find((team) => team.id === id)!;
}

export async function deleteTeam(services: Services, admin: Viewer, id: string) {
  const members = await services.db.transaction().execute(async (trx) => {
    const before = await memberIds(trx, id);
    await deleteOwned(trx, 'teams', admin.workspaceId, id, 'Team');
    return before;
  });
  revokeMembers(services, admin.workspaceId, members);
}
