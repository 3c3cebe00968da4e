import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { databaseNowMinus } from '../db/database-clock';
import type { Database } from '../db/schema';
import type { Services } from '../services';
import type { SocketRowColumns } from './presence-store';

/** One open widget socket (migration 0510). */
export interface VisitorConnectionsTable extends SocketRowColumns {
  visitor_id: string;
}

type VisitorPresenceDatabase = Database & { visitor_connections: VisitorConnectionsTable };
const presenceDb = (db: Kysely<Database>) => db as unknown as Kysely<VisitorPresenceDatabase>;

/** A row older than this belongs to no live socket (an instance that died without removing its rows). */
export const visitorStaleMs = (heartbeatMs: number) => Math.max(3 * heartbeatMs, 5000);

/**
 * Whether the visitor has a widget socket open on any instance, on the database's clock. The email
 * area asks before emailing an agent's reply: a connected visitor reads it in the widget.
 */
export async function isVisitorConnected(db: Kysely<Database>, visitorId: string, staleMs: number): Promise<boolean> {
  const row = await presenceDb(db)
    .selectFrom('visitor_connections')
    .select('id')
    .where('visitor_id', '=', visitorId)
    .where('last_seen', '>=', databaseNowMinus(staleMs))
    .executeTakeFirst();
  return row !== undefined;
}

/** The visitor's live widget sockets on every instance (rows no heartbeat left stale). */
export async function countVisitorSockets(db: Kysely<Database>, visitorId: string, staleMs: number): Promise<number> {
  const row = await presenceDb(db)
    .selectFrom('visitor_connections')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('visitor_id', '=', visitorId)
    .where('last_seen', '>=', databaseNowMinus(staleMs))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Widget sockets across instances, as rows refreshed by this instance's heartbeat (one UPDATE per beat).
 * Writes run in the background: a socket never waits on the database to open or close.
 */
export class VisitorPresence {
  readonly instanceId = randomUUID();
  private readonly added = new Map<string, Promise<void>>();

  constructor(private readonly services: Services) {}

  connected(visitorId: string, connectionId: string) {
    const db = presenceDb(this.services.db);
    const added = db
      .insertInto('visitor_connections')
      .values({ id: connectionId, visitor_id: visitorId, instance_id: this.instanceId })
      .execute()
      .then(() => undefined)
      .catch((error) => this.services.logger.warn({ err: error }, 'visitor presence: connection not recorded'));
    this.added.set(connectionId, added);
    this.services.background.run('visitor connect', () => added);
  }

  disconnected(connectionId: string) {
    const added = this.added.get(connectionId);
    this.added.delete(connectionId);
    this.services.background.run('visitor disconnect', async () => {
      await added;
      await presenceDb(this.services.db).deleteFrom('visitor_connections').where('id', '=', connectionId).execute();
    });
  }

  /** Heartbeat: this instance's rows are fresh; stale rows of any instance go. */
  async beat() {
    const db = presenceDb(this.services.db);
    try {
      if (this.added.size > 0)
        await db
          .updateTable('visitor_connections')
          .set({ last_seen: sql`now()` })
          .where('instance_id', '=', this.instanceId)
          .execute();
      const staleMs = visitorStaleMs(this.services.config.WS_HEARTBEAT_MS);
      await db.deleteFrom('visitor_connections').where('last_seen', '<', databaseNowMinus(staleMs)).execute();
    } catch (error) {
      this.services.logger.warn({ err: error }, 'visitor presence heartbeat failed');
    }
  }

  async stop() {
    await Promise.all(this.added.values());
    this.added.clear();
    await this.services.background.idle();
    await presenceDb(this.services.db)
      .deleteFrom('visitor_connections')
      .where('instance_id', '=', this.instanceId)
      .execute()
      .catch((error) => this.services.logger.warn({ err: error }, 'visitor presence: rows not removed at shutdown'));
  }
}
