import { Redis } from 'ioredis';

export interface RedisClients {
  /** Commands: publishing events, counting rate limits. */
  commands: Redis;
  /** Pub/sub subscription (a subscribed connection takes no other commands). */
  subscriber: Redis;
  close(): Promise<void>;
}

/**
 * Opens the two kept Redis connections of REDIS_URL. They reconnect by themselves for as long as Redis is
 * away (the process never exits for it); commands fail at once meanwhile instead of waiting in memory.
 */
export async function connectRedis(url: string, onError: (error: unknown) => void): Promise<RedisClients> {
  const open = () =>
    new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 2000,
      connectTimeout: 5000,
      retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 6), 3000),
    });
  const commands = open();
  const subscriber = open();
  // An 'error' nobody listens to would be thrown by the emitter; every one is logged instead (rarely).
  let lastErrorAt = 0;
  let lastError: unknown = null;
  for (const client of [commands, subscriber])
    client.on('error', (error) => {
      lastError = error;
      const now = Date.now();
      if (now - lastErrorAt < 5000) return;
      lastErrorAt = now;
      onError(error);
    });
  const close = async () => {
    for (const client of [commands, subscriber]) client.disconnect(false);
  };
  try {
    await Promise.all([commands.connect(), subscriber.connect()]);
  } catch (error) {
    await close();
    const cause = lastError ?? error;
    throw new Error(`Redis at REDIS_URL is unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  return { commands, subscriber, close };
}
