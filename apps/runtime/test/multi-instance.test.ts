import { supportBotFlow } from '@flowdesk/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { countVisitorSockets, visitorStaleMs } from '../src/realtime/visitor-presence';
import { MAX_SOCKETS_PER_VISITOR } from '../src/realtime/ws-route';
import { findVisitorByToken } from '../src/repositories/visitors';
import type { RunningServer } from '../src/server';
import { loginHeaders, seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { TestSocket, wsUrl } from './fixtures/ws-client';
import { useTwoInstances } from './server';

describe('two runtime instances on one PostgreSQL database', () => {
  const instances = useTwoInstances();
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(() => {
    ({ a, b } = instances.current);
  });

  it('carries messages, status and typing both ways: visitor on A, agent on B', async () => {
    const { bot, agent } = await seedWorkspace(a.db);
    await publishFlow(a.db, bot.id, supportBotFlow);

    const visitor = new TestVisitor(a.url, bot.id);
    await visitor.start();
    const visitorWs = await TestSocket.open(wsUrl(a.url, `?visitorToken=${visitor.token}`));
    visitorWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    const { cookie } = await loginHeaders(b.url, agent.email);
    const agentWs = await TestSocket.open(wsUrl(b.url), { headers: { cookie } });
    agentWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await agentWs.until(() => agentWs.seqs().length >= 2);

    const picked = await visitor.pick('human', 'Talk to a human');
    expect(picked.conversation.status).toBe('needs_agent');
    await agentWs.until((frames) =>
      frames.some((frame) => frame.type === 'conversation' && frame.conversation.status === 'needs_agent'),
    );
    await agentWs.until(() => agentWs.seqs().at(-1) === picked.conversation.lastSeq);

    const reply = await b.services.conversations.agentMessage(
      visitor.conversationId,
      { id: agent.id, name: agent.name },
      { type: 'text', text: 'Hi, I am Andy from support.' },
    );
    await visitorWs.until(() => visitorWs.seqs().includes(reply.message.message.seq));
    expect(visitorWs.messages().at(-1)).toMatchObject({ author: 'agent', authorName: 'Andy Agent' });
    await visitorWs.until((frames) =>
      frames.some((frame) => frame.type === 'conversation' && frame.conversation.status === 'agent'),
    );

    const answer = await visitor.say('Thanks Andy!');
    await agentWs.until(() => agentWs.seqs().includes(answer.message.seq));

    agentWs.send({ type: 'typing', conversationId: visitor.conversationId, typing: true });
    await visitorWs.until((frames) =>
      frames.some((frame) => frame.type === 'typing' && frame.author === 'agent' && frame.typing),
    );

    // The AI summary and priority are written after the handoff commits; let them land first.
    await Promise.all([a.services.background.idle(), b.services.background.idle()]);
    const all = (await visitor.history()).body.messages.map((message) => message.seq);
    await visitorWs.until(() => visitorWs.seqs().at(-1) === all.at(-1));
    expect(visitorWs.seqs()).toEqual(all);
    const stored = await a.db
      .selectFrom('messages')
      .select(['seq', 'internal'])
      .where('conversation_id', '=', visitor.conversationId)
      .orderBy('seq')
      .execute();
    await agentWs.until(() => agentWs.seqs().at(-1) === stored.at(-1)?.seq);
    expect(agentWs.seqs()).toEqual(stored.map((row) => row.seq));
    // Internal timeline events (e.g. the AI priority) reach the agent on B, never the visitor on A.
    const internalSeqs = stored.filter((row) => row.internal).map((row) => row.seq);
    for (const seq of internalSeqs) expect(visitorWs.seqs()).not.toContain(seq);
    await Promise.all([visitorWs.close(), agentWs.close()]);
  });

  it('relays messages too large for one NOTIFY by reference', async () => {
    const { bot, agent } = await seedWorkspace(a.db);
    await publishFlow(a.db, bot.id, supportBotFlow);
    const visitor = new TestVisitor(a.url, bot.id);
    await visitor.start();
    await visitor.pick('human', 'Talk to a human');
    const { cookie } = await loginHeaders(b.url, agent.email);
    const agentWs = await TestSocket.open(wsUrl(b.url), { headers: { cookie } });
    agentWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    const long = `${'very long message '.repeat(270)}end`;
    const sent = await visitor.say(long);
    await agentWs.until(() => agentWs.seqs().includes(sent.message.seq));
    expect(agentWs.messages().at(-1)?.content).toEqual({ type: 'text', text: long });
    await agentWs.close();
  });

  it("bounds a visitor's sockets across instances: with the cap reached on A, B refuses the next with 429", async () => {
    const { bot } = await seedWorkspace(a.db);
    await publishFlow(a.db, bot.id, supportBotFlow);
    const visitor = new TestVisitor(a.url, bot.id);
    await visitor.start();
    const visitorId = (await findVisitorByToken(a.db, visitor.token))!.id;
    const url = (server: RunningServer) => wsUrl(server.url, `?visitorToken=${visitor.token}`);
    const onA = await Promise.all(Array.from({ length: MAX_SOCKETS_PER_VISITOR }, () => TestSocket.open(url(a))));
    const staleMs = visitorStaleMs(a.services.config.WS_HEARTBEAT_MS);
    // A records each socket just after it opens; B reads those rows.
    await expect.poll(() => countVisitorSockets(a.db, visitorId, staleMs)).toBe(MAX_SOCKETS_PER_VISITOR);
    await expect(TestSocket.open(url(b))).rejects.toThrow('HTTP 429');

    onA[0]!.close();
    await onA[0]!.closed;
    await expect.poll(() => countVisitorSockets(a.db, visitorId, staleMs)).toBe(MAX_SOCKETS_PER_VISITOR - 1);
    const onB = await TestSocket.open(url(b));
    for (const socket of [...onA.slice(1), onB]) socket.close();
  });
});
