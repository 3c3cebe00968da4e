import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_CHANNEL } from '../../src/realtime/pg-bridge';
import { type RunningServer, startServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../db';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { helloFlow, publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { closedWithin, followingSocket } from '../hardening/revocation-helpers';
import { countNotifies, dropPrefix, onRedis, TEST_REDIS_URL, uniquePrefix } from './redis-fixture';

describe('presence and socket revocation across instances on Redis (REDIS_URL)', () => {
  let database: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const config = onRedis(database.config, TEST_REDIS_URL, prefix);
    [a, b] = await Promise.all([startServer(config), startServer(config)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.dispose();
    await dropPrefix(prefix);
  });

  it('a presence change on A reaches a dashboard on B; logout through A closes the socket on B with 4401', async () => {
    const notifies = await countNotifies(database.config.DATABASE_URL!, NOTIFY_CHANNEL);
    const { bot, agent, admin } = await seedWorkspace(database.db);
    await publishFlow(database.db, bot.id, helloFlow());
    const visitor = new TestVisitor(a.url, bot.id);
    await visitor.start();

    const adminOnB = await TestSocket.open(wsUrl(b.url), {
      headers: { cookie: (await loginHeaders(b.url, admin.email)).cookie },
    });
    const agentHeaders = await loginHeaders(a.url, agent.email);
    const set = await fetch(`${a.url}/api/inbox/presence`, {
      method: 'PUT',
      headers: { ...agentHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'away' }),
    });
    expect(set.status).toBe(200);
    await adminOnB.until((frames) =>
      frames.some((frame) => frame.type === 'presence' && frame.userId === agent.id && frame.status === 'away'),
    );

    const agentOnB = await followingSocket(b.services, b.url, agentHeaders.cookie, visitor.conversationId);
    const logout = await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers: agentHeaders });
    expect(logout.status).toBe(204);
    expect(await closedWithin(agentOnB)).toBe(4401);
    expect(notifies.count).toBe(0);
    await notifies.close();
    await adminOnB.close();
  });
});
