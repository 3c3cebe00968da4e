import { describe, expect, it } from 'vitest';
import { seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { HeldApi } from '../fixtures/held-api';
import { orderLookupFlow } from '../fixtures/http-flow';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { perSuite } from '../per-suite';
import { useInstances } from '../server';

describe('flow calls across two instances on one PostgreSQL', () => {
  const heldApi = perSuite(() => HeldApi.start());
  const instances = useInstances({ configure: (database) => ({ ...database, HTTP_BLOCK_ALLOW_PRIVATE: true }) });

  it('a call started on A answers the visitor connected to B, once', async () => {
    const { database, a, b } = instances.current;
    const api = heldApi.current;
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
