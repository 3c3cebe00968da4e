import { supportBotFlow } from '@flowdesk/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { startTcpProxy, type TcpProxy, viaProxy } from '../reliability/harness/tcp-proxy';
import { useInstances } from '../server';
import { expectEveryStoredMessageOnce, onRedis, prefixForSuite, TEST_REDIS_URL } from './redis-fixture';

/**
 * Both instances reach Redis through a TCP proxy; cutting it is Redis going away for every instance (a
 * restart), without stopping the machine's Redis. Conversations go on over HTTP meanwhile.
 */
describe('Redis restarted mid-conversation (two instances on Redis + PostgreSQL)', () => {
  const prefix = prefixForSuite();
  let proxy: TcpProxy;
  beforeAll(async () => {
    const redis = new URL(TEST_REDIS_URL);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  });
  afterAll(() => proxy?.close());
  const instances = useInstances({
    configure: (database) =>
      onRedis(database, viaProxy(TEST_REDIS_URL, proxy), prefix, { TRUST_PROXY: true, PUBLIC_RATE_LIMIT_PER_IP: 50 }),
  });

  it('keeps serving while Redis is away; nothing is lost and the agent socket on B catches up', async () => {
    const { a, b } = instances.current;
    const { bot, agent } = await seedWorkspace(a.db);
    await publishFlow(a.db, bot.id, supportBotFlow);
    const visitor = new TestVisitor(a.url, bot.id, undefined, { 'x-forwarded-for': '198.51.100.9' });
    await visitor.start();
    const { cookie } = await loginHeaders(b.url, agent.email);
    const agentWs = await TestSocket.open(wsUrl(b.url), { headers: { cookie } });
    agentWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await agentWs.until(() => agentWs.seqs().length >= 2);
    const before = await visitor.say('before the outage');
    await agentWs.until(() => agentWs.seqs().includes(before.message.seq));

    await proxy.cut();
    const during = [await visitor.say('during the outage 1'), await visitor.say('during the outage 2')];
    const duringSeqs = during.map((sent) => sent.message.seq);
    // The database has them; B could not hear of them yet (B's socket has sent us all it had: the pong follows).
    await agentWs.flushed();
    for (const seq of duringSeqs) expect(agentWs.seqs()).not.toContain(seq);
    // Both processes still answer (neither crashed on the lost connections).
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);

    await proxy.restore();
    await agentWs.until(() => duringSeqs.every((seq) => agentWs.seqs().includes(seq)), 30_000);
    // Live again after the reconnect.
    const after = await visitor.say('after the outage');
    await agentWs.until(() => agentWs.seqs().includes(after.message.seq), 15_000);

    await expectEveryStoredMessageOnce([a, b], agentWs, visitor.conversationId);
    await agentWs.close();
  });
});
