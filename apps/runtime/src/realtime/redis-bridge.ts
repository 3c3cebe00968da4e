import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loadMessages } from '../repositories/messages';
import type { HubBridge, RealtimeHub } from './hub';
import { type BridgeItem, type Envelope, itemsOf } from './notify-batch';
import { createPublishQueue } from './publish-queue';

/** Messages bigger than this travel as a reference (receivers read them from the database). */
const MAX_PAYLOAD = 256 * 1024;

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

  const queue = createPublishQueue({
    origin,
    maxPayload: MAX_PAYLOAD,
    onError,
    publish: async (payloads) => {
      const batch = publisher.multi();
      for (const payload of payloads) batch.publish(channel, payload);
      await batch.exec();
    },
  });
  return {
    send: queue.send,
    async close() {
      closed = true;
      queue.close();
      subscriber.removeAllListeners('message');
      await subscriber.unsubscribe(channel).catch(() => {});
    },
  };
}
