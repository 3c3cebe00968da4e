import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { NotFoundError } from '../errors';
import { inboxDb } from './tables';

/** A user or team by id, only if it belongs to the workspace (ids from clients are never trusted). */
export function workspaceRow(db: Kysely<Database>, table: 'users' | 'teams', workspaceId: string, id: string) {
  return db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/** The ids among `ids` that are users of the workspace. */
export async function workspaceUserIds(db: Kysely<Database>, workspaceId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', unique)
    .execute();
  return rows.map((row) => row.id);
}

/** Deletes a workspace's row by id; 404 when there is none (or it belongs to another workspace). */
export async function deleteOwned(
  db: Kysely<Database>,
  table: 'users' | 'teams' | 'canned_responses',
  workspaceId: string,
  id: string,
  what: string,
) {
  const result = await inboxDb(db)
    .deleteFrom(table)
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new NotFoundError(what);
}
