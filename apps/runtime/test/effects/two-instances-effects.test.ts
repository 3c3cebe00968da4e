import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../db';
import { seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { HeldApi } from '../fixtures/held-api';
import { orderLookupFlow } from '../fixtures/http-flow';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';

describe('flow calls across two instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let api: HeldApi;
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    api = await HeldApi.start();
    const config = { ...database.config, HTTP_BLOCK_ALLOW_PRIVATE: true };
    [a, b] = await Promise.all([startServer(config), startServer(config)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await api?.close();
    await database?.dispose();
  });

  it('a call started on A answers the visitor connected to B, once', async () => {
    const { bot } = await seedWorkspace(database.db);
    await publishFlow(database.db, bot.id, orderLookupFlow(api.url));
    const visitor = new TestVisitor(a.url, bot.id);
    await visitor.start();
    const socket = await TestSocket.open(wsUrl(b.url, `?visitorToken=${visitor.token}`));
    socket.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await socket.until((frames) => frames.some((f) => f.type === 'message'));

    api.hold = true;
    const before = api.requests.length;
    const sent = await visitor.say('11');
    expect(sent.conversation.working).toBe(true);
    await api.received(before + 1);
    await socket.until((frames) => frames.some((f) => f.type === 'conversation' && f.conversation.working === true));
    expect(a.services.effects.inFlight).toBe(1);
    expect(b.services.effects.inFlight).toBe(0);
    api.release();

    const answered = await socket.until((frames) =>
      frames.some((f) => f.type === 'message' && f.message.content.type === 'text' && f.message.author === 'bot'),
    );
    const botTexts = answered
      .filter((f) => f.type === 'message' && f.message.author === 'bot' && f.message.content.type === 'text')
      .map((f) => (f.type === 'message' && f.message.content.type === 'text' ? f.message.content.text : ''));
    expect(botTexts).toEqual(['Order 11 is shipped.']);
    await socket.until((frames) => frames.some((f) => f.type === 'conversation' && f.conversation.working === false));
    const onB = new TestVisitor(b.url, bot.id);
    onB.session = visitor.session;
    const messages = await onB.settled();
    expect(messages.filter((m) => m.author === 'bot' && m.content.type === 'text')).toHaveLength(1);
    socket.close();
  });
});
