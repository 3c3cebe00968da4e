import { describe, expect, it } from 'vitest';
import { TestVisitor } from '../fixtures/visitor';
import { perSuite } from '../per-suite';
import { useInstances } from '../server';
import { expectCaughtUpAndLive, visitorOnAFollowedOnB } from './outage-scenario';
import { onRedis, uniquePrefix } from './redis-fixture';
import { startRedisProcess } from './redis-process';

const PER_IP = 12;

/**
 * The Redis server itself is killed (SIGKILL: its keys and subscriptions die with it) and started again on the
 * same port, under two instances on Redis + PostgreSQL. The proxy test (redis-outage) cuts the network; this
 * one loses the server's state too.
 */
describe('Redis killed with SIGKILL and restarted mid-conversation (two instances)', () => {
  const redisProcess = perSuite(startRedisProcess);
  const instances = useInstances({
    configure: (database) =>
      onRedis(database, redisProcess.current.url, uniquePrefix(), {
        TRUST_PROXY: true,
        PUBLIC_RATE_LIMIT_PER_IP: PER_IP,
      }),
  });

  it('loses no message, the agent on B catches up, and after the restart a client has one budget again', async () => {
    const { a, b } = instances.current;
    const redis = redisProcess.current;
    const { bot, visitor, agentWs } = await visitorOnAFollowedOnB(a, b, '198.51.100.20');
    const before = await visitor.say('before Redis dies');
    await agentWs.until(() => agentWs.seqs().includes(before.message.seq));

    await redis.kill();
    const during = [await visitor.say('while Redis is dead 1'), await visitor.say('while Redis is dead 2')];
    const duringSeqs = during.map((sent) => sent.message.seq);
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);

    await redis.start();
    await expectCaughtUpAndLive([a, b], { visitor, agentWs }, duringSeqs, 'after the restart');
    await agentWs.close();

    // The restarted server counts again for both instances: a new client alternating A and B gets one budget.
    const address = { 'x-forwarded-for': '203.0.113.120' };
    const first = new TestVisitor(a.url, bot.id, undefined, address);
    await first.start();
    const statuses: number[] = [];
    for (let i = 2; i <= PER_IP + 1; i++) {
      const next = new TestVisitor((i % 2 ? a : b).url, bot.id, undefined, address);
      next.session = first.session;
      statuses.push((await next.send({ type: 'text', text: `message ${i}` })).status);
    }
    expect(statuses.slice(0, PER_IP - 1)).toEqual(Array(PER_IP - 1).fill(201));
    expect(statuses.at(-1)).toBe(429);
  });
});
