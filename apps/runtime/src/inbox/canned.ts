import type { CannedInput, CannedPatch } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { newId } from '../services/secrets';
import type { Viewer } from './access';
import { type CannedResponse, inboxDb } from './tables';
import { deleteOwned } from './workspace-rows';

export const toCannedJson = (row: CannedResponse) => ({
  id: row.id,
  shortcut: row.shortcut,
  title: row.title,
  text: row.text,
  updatedAt: row.updated_at.toISOString(),
});

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

function duplicate(error: unknown, shortcut: string | undefined): never {
  if (isUniqueViolation(error))
    throw new ConflictError(`The shortcut /${shortcut} is already used`, { field: 'shortcut' });
  throw error;
}

/** Saved replies of the workspace, by shortcut. */
export async function listCanned(db: Kysely<Database>, viewer: Viewer) {
  const rows = await inboxDb(db)
    .selectFrom('canned_responses')
    .selectAll()
    .where('workspace_id', '=', viewer.workspaceId)
    .orderBy('shortcut')
    .execute();
  return rows.map(toCannedJson);
}

export async function createCanned(db: Kysely<Database>, viewer: Viewer, input: z.infer<typeof CannedInput>) {
  const row = await inboxDb(db)
    .insertInto('canned_responses')
    .values({ id: newId(), workspace_id: viewer.workspaceId, created_by: viewer.id, ...input })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error) => duplicate(error, input.shortcut));
  return toCannedJson(row);
}

export async function updateCanned(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  patch: z.infer<typeof CannedPatch>,
) {
  const row = await inboxDb(db)
    .updateTable('canned_responses')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .where('workspace_id', '=', viewer.workspaceId)
    .returningAll()
    .executeTakeFirst()
    .catch((error) => duplicate(error, patch.shortcut));
  if (!row) throw new NotFoundError('Canned response');
  return toCannedJson(row);
}

export function deleteCanned(db: Kysely<Database>, viewer: Viewer, id: string) {
  return deleteOwned(db, 'canned_responses', viewer.workspaceId, id, 'Canned response');
}
