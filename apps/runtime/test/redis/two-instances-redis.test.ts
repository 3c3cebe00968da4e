import { supportBotFlow } from '@flowdesk/engine';
import { describe, expect, it } from 'vitest';
import { NOTIFY_CHANNEL } from '../../src/realtime/pg-bridge';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useInstances } from '../server';
import { countNotifies, onRedis, prefixForSuite, TEST_REDIS_URL } from './redis-fixture';

const PER_IP = 10;

describe('two and three runtime instances on Redis + PostgreSQL (REDIS_URL)', () => {
  const prefix = prefixForSuite();
  const instances = useInstances({
    count: 3,
    configure: (database) =>
      onRedis(database, TEST_REDIS_URL, prefix, { TRUST_PROXY: true, PUBLIC_RATE_LIMIT_PER_IP: PER_IP }),
  });

  it('a visitor on A reaches agent dashboards on B and C live, and typing comes back, with no PostgreSQL NOTIFY', async () => {
    const { database, a, b } = instances.current;
    const c = instances.current.c!;
    const notifies = await countNotifies(database.config.DATABASE_URL!, NOTIFY_CHANNEL);
    const { bot, agent } = await seedWorkspace(a.db);
    await publishFlow(a.db, bot.id, supportBotFlow);
    const visitor = new TestVisitor(a.url, bot.id, undefined, { 'x-forwarded-for': '198.51.100.1' });
    await visitor.start();
    const visitorWs = await TestSocket.open(wsUrl(a.url, `?visitorToken=${visitor.token}`), {
      headers: { 'x-forwarded-for': '198.51.100.1' },
    });
    visitorWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    const { cookie } = await loginHeaders(b.url, agent.email);
    const agentWs = await TestSocket.open(wsUrl(b.url), { headers: { cookie } });
    agentWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    const onC = await TestSocket.open(wsUrl(c.url), { headers: { cookie } });
    onC.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await agentWs.until(() => agentWs.seqs().length >= 2);
    await onC.until(() => onC.seqs().length >= 2);

    const sent = await visitor.say('Hello from instance A');
    await agentWs.until(() => agentWs.seqs().includes(sent.message.seq));
    await onC.until(() => onC.seqs().includes(sent.message.seq));
    expect(agentWs.messages().find((m) => m.seq === sent.message.seq)?.content).toEqual({
      type: 'text',
      text: 'Hello from instance A',
    });

    agentWs.send({ type: 'typing', conversationId: visitor.conversationId, typing: true });
    await visitorWs.until((frames) =>
      frames.some((frame) => frame.type === 'typing' && frame.author === 'agent' && frame.typing),
    );
    await Promise.all([a, b, c].map((server) => server.services.background.idle()));
    await notifies.flushed();
    expect(notifies.count).toBe(0);
    await notifies.close();
    await Promise.all([visitorWs.close(), agentWs.close(), onC.close()]);
  });

  it('gives a client one rate budget across both instances, not one each', async () => {
    const { a, b } = instances.current;
    const { bot } = await seedWorkspace(a.db, 'rl');
    await publishFlow(a.db, bot.id, supportBotFlow);
    const address = { 'x-forwarded-for': '203.0.113.77' };
    const onA = new TestVisitor(a.url, bot.id, undefined, address);
    await onA.start(); // request 1, on A
    const onB = new TestVisitor(b.url, bot.id, undefined, address);
    onB.session = onA.session;
    const statuses: number[] = [];
    for (let i = 2; i <= PER_IP + 2; i++) {
      const visitor = i % 2 === 0 ? onB : onA;
      statuses.push((await visitor.send({ type: 'text', text: `message ${i}` })).status);
    }
    // Requests 2..PER_IP pass, PER_IP + 1 and after are refused, whichever instance they reach.
    expect(statuses.slice(0, PER_IP - 1)).toEqual(Array(PER_IP - 1).fill(201));
    expect(statuses.slice(PER_IP - 1)).toEqual([429, 429]);
    const refused = await onA.send({ type: 'text', text: 'still too many' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another address still has its whole budget.
    const other = new TestVisitor(b.url, bot.id, undefined, { 'x-forwarded-for': '203.0.113.78' });
    await other.start();
    expect((await other.send({ type: 'text', text: 'hi' })).status).toBe(201);
  });

  it('gives a client one budget across three instances taken in turn', async () => {
    const { a, b } = instances.current;
    const c = instances.current.c!;
    const { bot } = await seedWorkspace(a.db, 'rl3');
    await publishFlow(a.db, bot.id, supportBotFlow);
    const address = { 'x-forwarded-for': '203.0.113.90' };
    const first = new TestVisitor(a.url, bot.id, undefined, address);
    await first.start(); // request 1, on A
    const servers = [b, c, a];
    const statuses: number[] = [];
    for (let i = 2; i <= PER_IP + 1; i++) {
      const visitor = new TestVisitor(servers[i % 3]!.url, bot.id, undefined, address);
      visitor.session = first.session;
      statuses.push((await visitor.send({ type: 'text', text: `message ${i}` })).status);
    }
    expect(statuses.slice(0, PER_IP - 1)).toEqual(Array(PER_IP - 1).fill(201));
    expect(statuses.at(-1)).toBe(429);
  });
});
