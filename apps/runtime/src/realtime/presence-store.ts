import { type Kysely, sql } from 'kysely';
import { databaseNowMinus } from '../db/database-clock';
import type { Database, Timestamp } from '../db/schema';

/** One open socket's row, a dashboard's or a widget's: `last_seen` is refreshed by its instance's heartbeat. */
export interface SocketRowColumns {
  id: string;
  instance_id: string;
  last_seen: Timestamp;
}

/** One open dashboard socket (migration 0301). */
export interface AgentConnectionsTable extends SocketRowColumns {
  user_id: string;
}

type PresenceDatabase = Database & { agent_connections: AgentConnectionsTable };

const presenceDb = (db: Kysely<Database>) => db as unknown as Kysely<PresenceDatabase>;

export async function addConnection(db: Kysely<Database>, row: { id: string; userId: string; instanceId: string }) {
  await presenceDb(db)
    .insertInto('agent_connections')
    .values({ id: row.id, user_id: row.userId, instance_id: row.instanceId })
    .execute();
}

export async function removeConnection(db: Kysely<Database>, id: string) {
  await presenceDb(db).deleteFrom('agent_connections').where('id', '=', id).execute();
}

/** Writes (or refreshes) this instance's live connections; one statement per heartbeat. */
export async function refreshConnections(
  db: Kysely<Database>,
  instanceId: string,
  rows: Array<{ id: string; userId: string }>,
) {
  if (rows.length === 0) return;
  await presenceDb(db)
    .insertInto('agent_connections')
    .values(rows.map((row) => ({ id: row.id, user_id: row.userId, instance_id: instanceId })))
    .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen: sql`now()` }))
    .execute();
}

/** Deletes this instance's rows of sockets that are gone (all of them at shutdown); returns whose they were. */
export async function removeInstanceRows(db: Kysely<Database>, instanceId: string, keepIds: string[] = []) {
  let query = presenceDb(db).deleteFrom('agent_connections').where('instance_id', '=', instanceId);
  if (keepIds.length > 0) query = query.where('id', 'not in', keepIds);
  const rows = await query.returning('user_id').execute();
  return [...new Set(rows.map((row) => row.user_id))];
}

/** Deletes rows no heartbeat refreshed for `staleMs` (an instance that crashed); returns whose they were. */
export async function removeStale(db: Kysely<Database>, staleMs: number) {
  const rows = await presenceDb(db)
    .deleteFrom('agent_connections')
    .where('last_seen', '<', databaseNowMinus(staleMs))
    .returning('user_id')
    .execute();
  return [...new Set(rows.map((row) => row.user_id))];
}

/**
 * Marks offline those of `userIds` who have no fresh connection left on any instance (and were not
 * offline already); returns them with their workspace, to tell the dashboards.
 */
export async function markDisconnectedOffline(db: Kysely<Database>, userIds: string[], staleMs: number) {
  if (userIds.length === 0) return [];
  const pdb = presenceDb(db);
  return pdb
    .updateTable('users')
    .set({ presence: 'offline' })
    .where('id', 'in', userIds)
    .where('presence', '!=', 'offline')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('agent_connections')
            .select('agent_connections.id')
            .whereRef('agent_connections.user_id', '=', 'users.id')
            .where('agent_connections.last_seen', '>=', databaseNowMinus(staleMs)),
        ),
      ),
    )
    .returning(['id', 'workspace_id'])
    .execute();
}
