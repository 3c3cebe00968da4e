import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../db';
import { startTcpProxyFor, type TcpProxy, viaProxy } from '../reliability/harness/tcp-proxy';
import { spendLoginBudget, spendPreviewBudget, spendResetBudget } from './budget-scenarios';
import { dropPrefix, onRedis, TEST_REDIS_URL, uniquePrefix } from './redis-fixture';

/** Sign-in, password reset and AI preview budgets: one per client across instances, not one per instance. */

describe('three instances on Redis + PostgreSQL (REDIS_URL)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let servers: RunningServer[] = [];
  const prefix = uniquePrefix();
  const redisKeys = async (bucket: string) => {
    const raw = new Redis(TEST_REDIS_URL);
    try {
      return (await raw.keys(`${prefix}rl:${bucket}:*`)).length;
    } finally {
      raw.disconnect();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // Every instance reaches Redis through a proxy the last test cuts (Redis restarted).
    proxy = await startTcpProxyFor(TEST_REDIS_URL, 6379);
    const config = onRedis(database.config, viaProxy(TEST_REDIS_URL, proxy), prefix, { TRUST_PROXY: true });
    servers = await Promise.all([startServer(config), startServer(config), startServer(config)]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await proxy?.close();
    await database?.dispose();
    await dropPrefix(prefix);
  });

  it('counts sign-in attempts once for all instances, in Redis (nothing in the database)', async () => {
    await spendLoginBudget(servers, 'login');
    expect(await redisKeys('login-account')).toBeGreaterThan(0);
    expect(await redisKeys('login-delay')).toBeGreaterThan(0);
    const rows = await servers[0]!.db
      .selectFrom('rate_limits' as never)
      .selectAll()
      .execute();
    expect(rows).toEqual([]);
  });

  it('counts password reset requests once for all instances', async () => {
    await spendResetBudget(servers, 'reset');
    expect(await redisKeys('reset-account')).toBeGreaterThan(0);
  });

  it('counts AI preview summaries once for all instances', async () => {
    await spendPreviewBudget(servers, 'preview');
    expect(await redisKeys('ai-preview')).toBeGreaterThan(0);
  });

  it('while Redis is away, budgets count in the database (still one for all) and no instance fails', async () => {
    await proxy.cut();
    await spendLoginBudget(servers, 'outage');
    for (const server of servers) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const rows = await servers[0]!.db
      .selectFrom('rate_limits' as never)
      .selectAll()
      .execute();
    expect(rows.length).toBeGreaterThan(0);

    // Back on Redis once it returns: new counters appear there again.
    await proxy.restore();
    const before = await redisKeys('reset-account');
    const deadline = Date.now() + 20_000;
    let label = 0;
    while ((await redisKeys('reset-account')) === before) {
      expect(Date.now()).toBeLessThan(deadline);
      await spendResetBudget(servers.slice(0, 1), `back-${++label}`).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});

describe('two instances on PostgreSQL without REDIS_URL', () => {
  let database: TestDatabase;
  let servers: RunningServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const config = { ...database.config, TRUST_PROXY: true };
    servers = await Promise.all([startServer(config), startServer(config)]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database?.dispose();
  });

  it('counts sign-in attempts once for both instances, in the database', async () => {
    await spendLoginBudget(servers, 'login');
    const rows = await servers[0]!.db
      .selectFrom('rate_limits' as never)
      .selectAll()
      .execute();
    expect(rows.length).toBeGreaterThan(0);
  });

  it('counts password reset requests once for both instances', async () => {
    await spendResetBudget(servers, 'reset');
  });

  it('counts AI preview summaries once for both instances', async () => {
    await spendPreviewBudget(servers, 'preview');
  });
});
