import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { envelopeReceiver } from './bridge-receiver';
import type { HubBridge, RealtimeHub } from './hub';
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

  const receive = envelopeReceiver({ origin, db, hub, onError });
  subscriber.on('message', (from: string, payload: string) => {
    if (from === channel) receive(payload);
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
