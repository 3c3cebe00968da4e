import type { Kysely } from 'kysely';
import type { Database, JsonObject } from '../db/schema';

export interface AuditEntry {
  workspaceId: string;
  userId: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: JsonObject;
}

/** Admin actions live in the `events` table with a user as the actor. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry) {
  await db
    .insertInto('events')
    .values({
      workspace_id: entry.workspaceId,
      actor_kind: 'user',
      actor_id: entry.userId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      data: JSON.stringify(entry.data),
    })
    .execute();
}

/** Newest first, `limit` at a time, older than `before` (an ISO time) when paging. */
export async function listAudit(db: Kysely<Database>, workspaceId: string, options: { limit: number; before?: Date }) {
  let query = db
    .selectFrom('events')
    .leftJoin('users', 'users.id', 'events.actor_id')
    .select([
      'events.id',
      'events.action',
      'events.target_type',
      'events.target_id',
      'events.data',
      'events.created_at',
      'events.actor_id',
      'users.name as actor_name',
      'users.email as actor_email',
    ])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.actor_kind', '=', 'user')
    .orderBy('events.created_at', 'desc')
    .orderBy('events.id', 'desc')
    .limit(options.limit);
  if (options.before) query = query.where('events.created_at', '<', options.before);
  return query.execute();
}
