import { describe, expect, it } from 'vitest';
import { NOTIFY_CHANNEL } from '../../src/realtime/pg-bridge';
import { loginHeaders } from '../fixtures/accounts';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { closedWithin, followingSocket, helloConversation } from '../hardening/revocation-helpers';
import { useInstances } from '../server';
import { countNotifies, onRedis, prefixForSuite, TEST_REDIS_URL } from './redis-fixture';

describe('presence and socket revocation across instances on Redis (REDIS_URL)', () => {
  const prefix = prefixForSuite();
  const instances = useInstances({ configure: (database) => onRedis(database, TEST_REDIS_URL, prefix) });

  it('a presence change on A reaches a dashboard on B; logout through A closes the socket on B with 4401', async () => {
    const { database, a, b } = instances.current;
    const notifies = await countNotifies(database.config.DATABASE_URL!, NOTIFY_CHANNEL);
    const { agent, admin, visitor } = await helloConversation(database.db, a.url);

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
