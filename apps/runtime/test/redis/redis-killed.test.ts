import { supportBotFlow } from '@flowdesk/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useInstances } from '../server';
import { expectEveryStoredMessageOnce, onRedis, uniquePrefix } from './redis-fixture';
import { type RedisProcess, startRedisProcess } from './redis-process';

const PER_IP = 12;

/**
 * The Redis server itself is killed (SIGKILL: its keys and subscriptions die with it) and started again on the
 * same port, under two instances on Redis + PostgreSQL. The proxy test (redis-outage) cuts the network; this
 * one loses the server's state too.
 */
describe('Redis killed with SIGKILL and restarted mid-conversation (two instances)', () => {
  let redis: RedisProcess;
  beforeAll(async () => {
    redis = await startRedisProcess();
  });
  afterAll(() => redis?.close());
  const instances = useInstances({
    configure: (database) =>
      onRedis(database, redis.url, uniquePrefix(), { TRUST_PROXY: true, PUBLIC_RATE_LIMIT_PER_IP: PER_IP }),
  });

  it('loses no message, the agent on B catches up, and after the restart a client has one budget again', async () => {
    const { a, b } = instances.current;
    const { bot, agent } = await seedWorkspace(a.db);
    await publishFlow(a.db, bot.id, supportBotFlow);
    const visitor = new TestVisitor(a.url, bot.id, undefined, { 'x-forwarded-for': '198.51.100.20' });
    await visitor.start();
    const { cookie } = await loginHeaders(b.url, agent.email);
    const agentWs = await TestSocket.open(wsUrl(b.url), { headers: { cookie } });
    agentWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    const before = await visitor.say('before Redis dies');
    await agentWs.until(() => agentWs.seqs().includes(before.message.seq));

    await redis.kill();
    const during = [await visitor.say('while Redis is dead 1'), await visitor.say('while Redis is dead 2')];
    const duringSeqs = during.map((sent) => sent.message.seq);
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);

    await redis.start();
    await agentWs.until(() => duringSeqs.every((seq) => agentWs.seqs().includes(seq)), 30_000);
    const after = await visitor.say('after the restart');
    await agentWs.until(() => agentWs.seqs().includes(after.message.seq), 15_000);

    await expectEveryStoredMessageOnce([a, b], agentWs, visitor.conversationId);
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
