import { randomUUID } from 'node:crypto';
import { backoffDelay } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import { envelopeReceiver } from './bridge-receiver';
import type { HubBridge, RealtimeHub } from './hub';
import { createPublishQueue } from './publish-queue';

export const NOTIFY_CHANNEL = 'flowdesk_realtime';
// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; bigger message events travel as a reference.
const MAX_PAYLOAD = 7000;

export interface PgBridgeOptions {
  connectionString: string;
  db: Kysely<Database>;
  hub: RealtimeHub;
  onError: (error: unknown) => void;
  /** Delay before re-listening after the listen connection drops; it doubles while attempts fail (up to 8×). */
  reconnectMs?: number;
}

/** Connects the hub of this instance to every other instance on the same PostgreSQL database. */
export async function startPgBridge(options: PgBridgeOptions): Promise<HubBridge> {
  const origin = randomUUID();
  const { db, hub, onError } = options;
  let client: pg.Client | null = null;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let listenFailures = 0;

  const receiveEnvelope = envelopeReceiver({ origin, db, hub, onError });
  const receive = (payload: string | undefined) => {
    if (payload) receiveEnvelope(payload);
  };

  const listen = async () => {
    const next = new pg.Client({ connectionString: options.connectionString });
    next.on('notification', (notification) => {
      try {
        receive(notification.payload);
      } catch (error) {
        onError(error);
      }
    });
    next.on('error', (error) => {
      onError(error);
      scheduleReconnect(next);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      next.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (closed || client !== failed) return;
    client = null;
    failed.end().catch(() => {});
    retry();
  };

  // Keeps trying for as long as the database is away: an outage can outlast any fixed number of attempts.
  const retry = () => {
    if (closed) return;
    const baseMs = options.reconnectMs ?? 1000;
    reconnectTimer = setTimeout(
      () => {
        listen()
          .then(() => {
            listenFailures = 0;
            // Other instances' events sent while nobody listened are gone: followers catch up from the database.
            return hub.resync();
          })
          .catch((error) => {
            listenFailures++;
            onError(error);
            retry();
          });
      },
      backoffDelay(listenFailures + 1, { baseMs, maxMs: baseMs * 8 }),
    );
  };

  await listen();

  const queue = createPublishQueue({
    origin,
    maxPayload: MAX_PAYLOAD,
    onError,
    publish: async (payloads) => {
      const calls = sql.join(payloads.map((payload) => sql`pg_notify(${NOTIFY_CHANNEL}, ${payload})`));
      await sql`select ${calls}`.execute(db);
    },
  });
  return {
    send: queue.send,
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      queue.close();
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
