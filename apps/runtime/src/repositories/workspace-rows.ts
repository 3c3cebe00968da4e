import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Tables of rows a workspace owns that clients name by id (ids from clients are never trusted). */
type OwnedTable = 'users' | 'teams';

/** A user or team by id, only if it belongs to the workspace. */
export function workspaceRow(db: Kysely<Database>, table: OwnedTable, workspaceId: string, id: string) {
  return db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/** The ids among `ids` that are users (or teams) of the workspace; one row read for all. */
export async function workspaceIds(
  db: Kysely<Database>,
  table: OwnedTable,
  workspaceId: string,
  ids: string[],
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', unique)
    .execute();
  return rows.map((row) => row.id);
}
