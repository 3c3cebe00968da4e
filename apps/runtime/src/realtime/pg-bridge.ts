import { randomUUID } from 'node:crypto';
import { backoffDelay } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import { loadMessages } from '../repositories/messages';
import type { HubBridge, RealtimeHub } from './hub';
import { type BridgeItem, type Envelope, itemsOf, packPayloads, toItem } from './notify-batch';

export const NOTIFY_CHANNEL = 'flowdesk_realtime';
// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; bigger message events travel as a reference.
const MAX_PAYLOAD = 7000;
/** Events kept for resending while NOTIFY fails (the oldest go first beyond it; followers resync on reconnect). */
const MAX_HELD_ITEMS = 10_000;
/** Resending a failed NOTIFY: 250 ms, doubling up to 5 s. */
const NOTIFY_RETRY = { baseMs: 250, maxMs: 5000 };

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

  const deliverItem = async (item: BridgeItem) => {
    if ('event' in item) return hub.deliver(item.event);
    const ref = item.messageRef;
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

  // Notifications are handled one after another so a referenced message cannot overtake the events after it.
  let received: Promise<void> = Promise.resolve();
  const receive = (payload: string | undefined) => {
    if (!payload) return;
    const envelope = JSON.parse(payload) as Envelope;
    if (envelope.origin === origin) return;
    received = received.then(async () => {
      for (const item of itemsOf(envelope)) await deliverItem(item).catch(onError);
    });
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

  // Events published in the same turn of the event loop (a message, the bot's replies) share one NOTIFY.
  // A NOTIFY that fails (database unreachable) is sent again, in order, until it goes through: the data it
  // announces is committed, and the other instances' listeners never went down, so nothing else would tell
  // them (they only catch up after their own reconnect). Typing and streamed text are not worth resending.
  let pending: Array<{ json: string; durable: boolean }> = [];
  let flushing: Promise<void> | null = null;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  const flush = async () => {
    const items = pending;
    pending = [];
    flushing = null;
    if (items.length === 0) return;
    const payloads = packPayloads(
      origin,
      items.map((item) => item.json),
      MAX_PAYLOAD,
    );
    const calls = sql.join(payloads.map((payload) => sql`pg_notify(${NOTIFY_CHANNEL}, ${payload})`));
    try {
      await sql`select ${calls}`.execute(db);
      failures = 0;
    } catch (error) {
      pending = [...items.filter((item) => item.durable), ...pending].slice(-MAX_HELD_ITEMS);
      failures++;
      if (!closed && !retryTimer) {
        retryTimer = setTimeout(
          () => {
            retryTimer = undefined;
            flushing ??= Promise.resolve().then(flush);
            flushing.catch(onError);
          },
          backoffDelay(failures, NOTIFY_RETRY),
        );
      }
      throw error;
    }
  };

  return {
    send(event) {
      const json = toItem(event, MAX_PAYLOAD);
      if (!json) {
        onError(new Error(`realtime ${event.kind} event too large to relay`));
        return Promise.resolve();
      }
      pending.push({ json, durable: event.kind !== 'typing' && event.kind !== 'stream' });
      flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flush);
      return flushing;
    },
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
