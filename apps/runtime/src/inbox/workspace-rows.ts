import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { NotFoundError } from '../errors';
import { inboxDb } from './tables';

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
