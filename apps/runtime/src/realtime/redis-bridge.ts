import { randomUUID } from 'node:crypto';
import { backoffDelay } from '@flowdesk/contract';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loadMessages } from '../repositories/messages';
import type { HubBridge, RealtimeHub } from './hub';
import { type BridgeItem, type Envelope, itemsOf, packPayloads, toItem } from './notify-batch';

/** Messages bigger than this travel as a reference (receivers read them from the database). */
const MAX_PAYLOAD = 256 * 1024;
/** Events kept for resending while Redis is away (the oldest go first beyond it; followers resync on reconnect). */
const MAX_HELD_ITEMS = 10_000;
const PUBLISH_RETRY = { baseMs: 250, maxMs: 5000 };

export interface RedisBridgeOptions {
  /** Publishes; commands fail at once while disconnected (enableOfflineQueue: false). */
  publisher: Redis;
  /** A connection of its own: a subscribed Redis connection takes no other commands. */
  subscriber: Redis;
  /** Channel prefix (REDIS_KEY_PREFIX). */
  prefix: string;
  db: Kysely<Database>;
  hub: RealtimeHub;
  onError: (error: unknown) => void;
}

/**
 * Connects the hub of this instance to every other instance through Redis pub/sub (REDIS_URL): events do
 * not touch PostgreSQL's notify path. Events sent while this instance's subscription was down are gone:
 * once it is back, every follower reads what it missed from the database by seq (`hub.resync`).
 */
export async function startRedisBridge(options: RedisBridgeOptions): Promise<HubBridge> {
  const origin = randomUUID();
  const channel = `${options.prefix}realtime`;
  const { db, hub, onError, publisher, subscriber } = options;
  let closed = false;

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

  // Handled one after another so a referenced message cannot overtake the events after it.
  let received: Promise<void> = Promise.resolve();
  subscriber.on('message', (from: string, payload: string) => {
    if (from !== channel) return;
    try {
      const envelope = JSON.parse(payload) as Envelope;
      if (envelope.origin === origin) return;
      received = received.then(async () => {
        for (const item of itemsOf(envelope)) await deliverItem(item).catch(onError);
      });
    } catch (error) {
      onError(error);
    }
  });

  // ioredis reconnects by itself; the subscription is renewed here (autoResubscribe off) so the resync
  // starts only once events flow again: whatever was committed before it is read from the database.
  let subscribedOnce = false;
  subscriber.on('ready', () => {
    if (!subscribedOnce || closed) return;
    subscriber
      .subscribe(channel)
      .then(() => hub.resync())
      .catch(onError);
  });
  await subscriber.subscribe(channel);
  subscribedOnce = true;

  // Events of one turn of the event loop share one PUBLISH. A failed PUBLISH (Redis away) is sent again, in
  // order, until it goes through: the other instances' subscriptions may never have dropped, so nothing else
  // would tell them. Typing and streamed text are not worth resending.
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
    try {
      const batch = publisher.multi();
      for (const payload of payloads) batch.publish(channel, payload);
      await batch.exec();
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
          backoffDelay(failures, PUBLISH_RETRY),
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
      clearTimeout(retryTimer);
      subscriber.removeAllListeners('message');
      await subscriber.unsubscribe(channel).catch(() => {});
    },
  };
}
