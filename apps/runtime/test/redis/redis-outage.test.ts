import { describe, expect, it } from 'vitest';
import { perSuite } from '../per-suite';
import { startTcpProxyFor, viaProxy } from '../reliability/harness/tcp-proxy';
import { useInstances } from '../server';
import { expectCaughtUpAndLive, visitorOnAFollowedOnB } from './outage-scenario';
import { onRedis, prefixForSuite, TEST_REDIS_URL } from './redis-fixture';

/**
 * Both instances reach Redis through a TCP proxy; cutting it is Redis going away for every instance (a
 * restart), without stopping the machine's Redis. Conversations go on over HTTP meanwhile.
 */
describe('Redis restarted mid-conversation (two instances on Redis + PostgreSQL)', () => {
  const prefix = prefixForSuite();
  const redisProxy = perSuite(() => startTcpProxyFor(TEST_REDIS_URL, 6379));
  const instances = useInstances({
    configure: (database) =>
      onRedis(database, viaProxy(TEST_REDIS_URL, redisProxy.current), prefix, {
        TRUST_PROXY: true,
        PUBLIC_RATE_LIMIT_PER_IP: 50,
      }),
  });

  it('keeps serving while Redis is away; nothing is lost and the agent socket on B catches up', async () => {
    const { a, b } = instances.current;
    const proxy = redisProxy.current;
    const { visitor, agentWs } = await visitorOnAFollowedOnB(a, b, '198.51.100.9');
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
    // Caught up, and live again after the reconnect.
    await expectCaughtUpAndLive([a, b], { visitor, agentWs }, duringSeqs, 'after the outage');
    await agentWs.close();
  });
});
