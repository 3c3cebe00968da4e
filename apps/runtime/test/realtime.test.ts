import { supportBotFlow } from '@flowdesk/engine';
import { describe, expect, it } from 'vitest';
import { withConversation } from '../src/services/conversation-tx';
import { databaseKinds } from './db';
import { loginHeaders, seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { TestSocket, wsUrl } from './fixtures/ws-client';
import { useTestServer } from './server';

const ascending = (seqs: number[]) => seqs.every((seq, index) => index === 0 || seq === seqs[index - 1]! + 1);

describe.each(databaseKinds)('realtime WebSocket on %s', (kind) => {
  // Short enough to see a silent socket closed, long enough that healthy sockets survive the event loop
  // stalling on a loaded machine (the embedded PGlite runs on the same thread as the server and this client).
  const t = useTestServer(kind, { WS_HEARTBEAT_MS: 1000 });
  const ctx = {} as { botId: string; agentEmail: string };

  const visitorSocket = (visitor: TestVisitor) =>
    TestSocket.open(wsUrl(t.current.server.url, `?visitorToken=${visitor.token}`));
  const agentSocket = async () => {
    const { cookie } = await loginHeaders(t.current.server.url, ctx.agentEmail);
    return TestSocket.open(wsUrl(t.current.server.url), { headers: { cookie } });
  };

  it('sets up a bot', async () => {
    const { bot, agent } = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, supportBotFlow);
    ctx.botId = bot.id;
    ctx.agentEmail = agent.email;
  });

  it('replays history on subscribe, then streams live messages in order without duplicates', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    const socket = await visitorSocket(visitor);
    await socket.until((frames) => frames.some((frame) => frame.type === 'ready'));
    socket.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await socket.until(() => socket.seqs().length >= 2);
    await visitor.pick('pricing', 'Pricing');
    await visitor.say('How much is Pro?');
    const { body } = await visitor.history();
    const lastSeq = body.messages.at(-1)!.seq;
    await socket.until(() => socket.seqs().at(-1) === lastSeq);
    expect(socket.seqs()).toEqual(body.messages.map((message) => message.seq));
    expect(ascending(socket.seqs())).toBe(true);
    await socket.close();
  });

  it('gives a reconnecting client exactly what it missed', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    const first = await visitorSocket(visitor);
    first.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await first.until(() => first.seqs().length >= 2);
    const seen = first.seqs().at(-1)!;
    await first.close();
    await visitor.pick('tech', 'Technical help');
    await visitor.say('The widget does not show');
    const { body } = await visitor.history(seen);
    const missed = body.messages.map((message) => message.seq);
    expect(missed.length).toBeGreaterThan(1);
    const second = await visitorSocket(visitor);
    second.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: seen });
    await second.until(() => second.seqs().at(-1) === missed.at(-1));
    expect(second.seqs()).toEqual(missed);
    await second.close();
  });

  it('sends internal notes to agents only, and typing both ways', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    const visitorWs = await visitorSocket(visitor);
    const agentWs = await agentSocket();
    for (const socket of [visitorWs, agentWs])
      socket.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await visitorWs.until(() => visitorWs.seqs().length >= 2);
    await agentWs.until(() => agentWs.seqs().length >= 2);

    await withConversation(t.current.server.services, visitor.conversationId, (tx) =>
      tx.append([
        {
          author: 'agent',
          authorName: 'Andy',
          content: { type: 'note', text: 'VIP customer', mentions: [] },
          internal: true,
        },
      ]),
    );
    // Stay with the bot: a handoff would route the conversation and is covered elsewhere.
    const picked = await visitor.pick('pricing', 'Pricing');
    await agentWs.until(() => agentWs.seqs().includes(picked.message.seq));
    await visitorWs.until(() => visitorWs.seqs().includes(picked.message.seq));
    expect(agentWs.messages().some((message) => message.content.type === 'note')).toBe(true);
    expect(JSON.stringify(visitorWs.frames)).not.toContain('VIP customer');
    expect(JSON.stringify((await visitor.history()).body)).not.toContain('VIP customer');
    expect(
      agentWs.frames.some((frame) => frame.type === 'conversation' && frame.conversation.id === visitor.conversationId),
    ).toBe(true);

    agentWs.send({ type: 'typing', conversationId: visitor.conversationId, typing: true });
    await visitorWs.until((frames) =>
      frames.some((frame) => frame.type === 'typing' && frame.typing && frame.author === 'agent'),
    );
    visitorWs.send({ type: 'typing', conversationId: visitor.conversationId, typing: true });
    await agentWs.until((frames) =>
      frames.some((frame) => frame.type === 'typing' && frame.typing && frame.author === 'visitor'),
    );
    expect(agentWs.frames.some((frame) => frame.type === 'typing' && frame.author === 'agent')).toBe(false);
    agentWs.send({ type: 'typing', conversationId: visitor.conversationId, typing: false });
    await visitorWs.until((frames) =>
      frames.some((frame) => frame.type === 'typing' && !frame.typing && frame.author === 'agent'),
    );
    await Promise.all([visitorWs.close(), agentWs.close()]);
  });

  it("refuses strangers, other visitors' conversations and bad frames", async () => {
    await expect(TestSocket.open(wsUrl(t.current.server.url))).rejects.toThrow('HTTP 401');
    await expect(TestSocket.open(wsUrl(t.current.server.url, '?visitorToken=forged'))).rejects.toThrow('HTTP 401');
    const owner = new TestVisitor(t.current.server.url, ctx.botId);
    const other = new TestVisitor(t.current.server.url, ctx.botId);
    await owner.start();
    await other.start();
    const socket = await visitorSocket(other);
    socket.send({ type: 'subscribe', conversationId: owner.conversationId, afterSeq: 0 });
    socket.send({ type: 'typing', conversationId: owner.conversationId, typing: true });
    socket.send('not json');
    socket.send({ type: 'subscribe', conversationId: owner.conversationId, afterSeq: -4 });
    socket.send({ type: 'ping' });
    await socket.until((frames) => frames.some((frame) => frame.type === 'pong'));
    const codes = socket.frames.flatMap((frame) => (frame.type === 'error' ? [frame.code] : []));
    expect(codes).toEqual(['not_found', 'not_subscribed', 'invalid_frame', 'invalid_frame']);
    expect(socket.messages()).toEqual([]);
    await socket.close();
  });

  it('applies the inbox visibility rules to agents', async () => {
    const { db, services } = t.current.server;
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    const agentWs = await agentSocket();
    agentWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await agentWs.until(() => agentWs.seqs().length >= 2);

    const workspaceId = (
      await db.selectFrom('bots').select('workspace_id').where('id', '=', ctx.botId).executeTakeFirstOrThrow()
    ).workspace_id;
    await db
      .insertInto('teams')
      .values({ id: `billing-${kind}`, workspace_id: workspaceId, name: 'Billing' })
      .execute();
    await withConversation(services, visitor.conversationId, (tx) => tx.update({ team_id: `billing-${kind}` }));
    await agentWs.until((frames) =>
      frames.some((frame) => frame.type === 'conversation' && frame.conversation.teamId === `billing-${kind}`),
    );
    const before = agentWs.seqs().length;
    await visitor.pick('pricing', 'Pricing');
    await agentWs.flushed(); // the pick's messages were published before its answer
    expect(agentWs.seqs()).toHaveLength(before);

    agentWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await agentWs.until((frames) => frames.some((frame) => frame.type === 'error' && frame.code === 'forbidden'));
    await agentWs.close();
  });

  it('closes a socket that stops answering heartbeats', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    const silent = await TestSocket.open(wsUrl(t.current.server.url, `?visitorToken=${visitor.token}`), {
      autoPong: false,
    });
    const healthy = await visitorSocket(visitor);
    const code = await Promise.race([
      silent.closed,
      new Promise<number>((resolve) => setTimeout(() => resolve(-1), 8000)),
    ]);
    expect(code).toBe(1006);
    expect(healthy.ws.readyState).toBe(healthy.ws.OPEN);
    await healthy.close();
  });
});
