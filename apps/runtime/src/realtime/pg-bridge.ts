import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import { loadMessages } from '../repositories/messages';
import type { HubEvent } from './events';
import type { HubBridge, RealtimeHub } from './hub';

export const NOTIFY_CHANNEL = 'flowdesk_realtime';
// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; bigger message events travel as a reference.
const MAX_PAYLOAD = 7000;

interface Envelope {
  origin: string;
  event?: HubEvent;
  /** A message too big to inline: receivers read it from the database. */
  messageRef?: { workspaceId: string; conversationId: string; seq: number; internal: boolean };
}

export interface PgBridgeOptions {
  connectionString: string;
  db: Kysely<Database>;
  hub: RealtimeHub;
  onError: (error: unknown) => void;
  /** Delay before re-listening after the listen connection drops. */
  reconnectMs?: number;
}

/** Connects the hub of this instance to every other instance on the same PostgreSQL database. */
export async function startPgBridge(options: PgBridgeOptions): Promise<HubBridge> {
  const origin = randomUUID();
  const { db, hub, onError } = options;
  let client: pg.Client | null = null;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;

  const receive = async (payload: string | undefined) => {
    if (!payload) return;
    const envelope = JSON.parse(payload) as Envelope;
    if (envelope.origin === origin) return;
    if (envelope.event) return hub.deliver(envelope.event);
    const ref = envelope.messageRef;
    if (!ref) return;
    const [message] = await loadMessages(db, ref.conversationId, {
      afterSeq: ref.seq - 1,
      limit: 1,
      includeInternal: true,
    });
    if (message)
      hub.deliver({
        kind: 'message',
        workspaceId: ref.workspaceId,
        message: message.message,
        internal: message.internal,
      });
  };

  const listen = async () => {
    const next = new pg.Client({ connectionString: options.connectionString });
    next.on('notification', (notification) => {
      receive(notification.payload).catch(onError);
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
    reconnectTimer = setTimeout(() => {
      listen().catch((error) => {
        onError(error);
        retry();
      });
    }, options.reconnectMs ?? 1000);
  };

  await listen();

  return {
    async send(event) {
      let payload = JSON.stringify({ origin, event } satisfies Envelope);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
        if (event.kind !== 'message') return onError(new Error(`realtime ${event.kind} event too large to relay`));
        const messageRef = {
          workspaceId: event.workspaceId,
          conversationId: event.message.conversationId,
          seq: event.message.seq,
          internal: event.internal,
        };
        payload = JSON.stringify({ origin, messageRef } satisfies Envelope);
      }
      await sql`select pg_notify(${NOTIFY_CHANNEL}, ${payload})`.execute(db);
    },
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
