import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, expect } from 'vitest';
import type { Config } from '../../src/config';
import type { RunningServer } from '../../src/server';
import type { TestSocket } from '../fixtures/ws-client';

/** The machine's Redis (CI starts it); tests keep to keys under a prefix of their own. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A unique REDIS_KEY_PREFIX, so parallel tests and leftovers never share a channel or a counter. */
export const uniquePrefix = () => `flowdesk-test-${randomBytes(5).toString('hex')}:`;

/** Settings of an instance on `database` with Redis at `url` under `prefix`. */
export const onRedis = (database: Config, url: string, prefix: string, extra: Partial<Config> = {}): Config => ({
  ...database,
  REDIS_URL: url,
  REDIS_KEY_PREFIX: prefix,
  ...extra,
});

/** Deletes every key under `prefix` (rate-limit counters). */
export async function dropPrefix(prefix: string) {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * A unique prefix for the enclosing suite, its keys deleted after the suite. Call it before `useInstances`: the
 * keys are dropped once the instances on it have stopped.
 */
export function prefixForSuite() {
  const prefix = uniquePrefix();
  afterAll(() => dropPrefix(prefix));
  return prefix;
}

const MARK = 'count-notifies-marker';

/** Counts the NOTIFYs on PostgreSQL's realtime channel while it runs (the Redis path must send none). */
export async function countNotifies(databaseUrl: string, channel: string) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`LISTEN ${channel}`);
  let count = 0;
  const marks: Array<() => void> = [];
  client.on('notification', (notification) => {
    if (notification.payload !== MARK) count++;
    else for (const wake of marks.splice(0)) wake();
  });
  return {
    get count() {
      return count;
    },
    /** NOTIFYs its own marker and waits for it: every NOTIFY committed before it has been counted then. */
    async flushed() {
      const heard = new Promise<void>((resolve) => marks.push(resolve));
      await client.query('select pg_notify($1, $2)', [channel, MARK]);
      await heard;
    },
    close: () => client.end(),
  };
}

/**
 * Once every instance's background work is done, the agent socket has read every stored message of the
 * conversation once, in seq order: none lost, none twice.
 */
export async function expectEveryStoredMessageOnce(
  servers: RunningServer[],
  agentWs: TestSocket,
  conversationId: string,
): Promise<void> {
  await Promise.all(servers.map((server) => server.services.background.idle()));
  const stored = await servers[0]!.db
    .selectFrom('messages')
    .select('seq')
    .where('conversation_id', '=', conversationId)
    .orderBy('seq')
    .execute();
  await agentWs.until(() => agentWs.seqs().at(-1) === stored.at(-1)?.seq);
  expect(agentWs.seqs()).toEqual(stored.map((row) => row.seq));
}
