import type { Message, ServerFrame } from '@flowdesk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseKind } from '../../src/db/database';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { HeldApi } from '../fixtures/held-api';
import { orderLookupFlow } from '../fixtures/http-flow';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { until as poll } from '../poll';
import { type TestServer, useTestServer } from '../server';

const texts = (messages: Message[]) =>
  messages.map((m) =>
    m.content.type === 'text' ? `${m.author}: ${m.content.text}` : `${m.author}: ${m.content.type}`,
  );

let api: HeldApi;
beforeAll(async () => {
  api = await HeldApi.start();
});
afterAll(() => api.close());

async function orderBot(t: { current: TestServer }) {
  const seeded = await seedWorkspace(t.current.server.db);
  await publishFlow(t.current.server.db, seeded.bot.id, orderLookupFlow(api.url));
  const visitor = new TestVisitor(t.current.server.url, seeded.bot.id);
  await visitor.start();
  return { ...seeded, visitor };
}

async function pendingEffects(t: { current: TestServer }, conversationId: string) {
  return t.current.server.db
    .selectFrom('pending_effects')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .execute();
}

const until = (check: () => Promise<boolean>, timeoutMs = 15_000) => poll(check, timeoutMs, 25);

describe.each<DatabaseKind>(['pglite', 'postgres'])('flow calls run with no database held (%s)', (kind) => {
  const t = useTestServer(kind, { HTTP_BLOCK_ALLOW_PRIVATE: true });

  it('the POST returns once the message is stored; the reply comes over the WebSocket and in history', async () => {
    const { visitor } = await orderBot(t);
    const socket = await TestSocket.open(wsUrl(t.current.server.url, `?visitorToken=${visitor.token}`));
    socket.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    api.hold = true;
    const sent = await visitor.say('42');
    expect(sent.replies).toEqual([]);
    expect(sent.conversation.working).toBe(true);
    const [effect] = await pendingEffects(t, visitor.conversationId);
    expect(effect).toMatchObject({ kind: 'http' });
    await api.received(1);
    // The database is free while the call hangs: another visitor starts a session at once.
    const other = new TestVisitor(t.current.server.url, (await seedWorkspace(t.current.server.db)).bot.id);
    await other.start();
    api.release();
    await socket.until((frames) =>
      frames.some((f) => f.type === 'message' && f.message.author === 'bot' && f.message.seq > 2),
    );
    const settled = await visitor.settled();
    expect(texts(settled)).toEqual(['bot: input', 'visitor: 42', 'bot: Order 42 is shipped.', 'bot: input']);
    expect(api.requests.at(-1)?.idempotencyKey).toBe(effect?.id);
    const working = socket.frames.filter(
      (f): f is Extract<ServerFrame, { type: 'conversation' }> => f.type === 'conversation',
    );
    expect(working.at(-1)?.conversation.working).toBe(false);
    expect(await pendingEffects(t, visitor.conversationId)).toEqual([]);
    socket.close();
  });

  it('messages sent while the bot works are stored at once, in order, and answered after the call', async () => {
    const { visitor } = await orderBot(t);
    api.hold = true;
    const first = api.requests.length;
    await visitor.say('1');
    await api.received(first + 1);
    const two = await visitor.say('2');
    const three = await visitor.say('3');
    expect([two.message.seq, three.message.seq]).toEqual([3, 4]);
    expect(texts((await visitor.history()).body.messages)).toEqual([
      'bot: input',
      'visitor: 1',
      'visitor: 2',
      'visitor: 3',
    ]);
    api.release();
    await visitor.historyWhen((messages) => texts(messages).filter((m) => m.startsWith('bot: Order')).length === 3);
    const answers = texts(await visitor.settled()).filter((m) => m.startsWith('bot: Order'));
    expect(answers).toEqual(['bot: Order 1 is shipped.', 'bot: Order 2 is shipped.', 'bot: Order 3 is shipped.']);
  });

  it('an agent taking over mid-call drops the result; handing back runs the call again under the same key', async () => {
    const { visitor, agent } = await orderBot(t);
    api.hold = true;
    const before = api.requests.length;
    await visitor.say('7');
    await api.received(before + 1);
    const [effect] = await pendingEffects(t, visitor.conversationId);
    const headers = await loginHeaders(t.current.server.url, agent.email);
    const path = `/api/inbox/conversations/${visitor.conversationId}`;
    expect((await t.current.call('POST', `${path}/takeover`, headers)).status).toBe(200);
    api.release();
    await until(async () => (await pendingEffects(t, visitor.conversationId)).length === 0);
    const afterTakeover = (await visitor.history()).body;
    expect(afterTakeover.conversation).toMatchObject({ status: 'agent', working: false });
    expect(texts(afterTakeover.messages).filter((m) => m.startsWith('bot: Order'))).toEqual([]);

    expect((await t.current.call('POST', `${path}/handback`, headers, {})).status).toBe(200);
    const messages = await visitor.historyWhen((all) => texts(all).includes('bot: Order 7 is shipped.'));
    expect(texts(messages).filter((m) => m.startsWith('bot: Order'))).toEqual(['bot: Order 7 is shipped.']);
    const keys = api.requests.filter((r) => r.idempotencyKey === effect?.id).map((r) => r.url);
    expect(keys).toEqual(['/orders/7', '/orders/7']);
  });

  it('a call that outlives its timeout takes the error path once', async () => {
    const seeded = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, seeded.bot.id, orderLookupFlow(api.url, 300));
    const visitor = new TestVisitor(t.current.server.url, seeded.bot.id);
    await visitor.start();
    api.hold = true;
    await visitor.say('9');
    const messages = await visitor.historyWhen((all) => texts(all).includes('bot: Lookup failed.'));
    expect(messages.length).toBe(4);
    api.release();
    // A later lookup answered in full: the late answer to the first has come and gone by then, unused.
    await visitor.say('10');
    const later = await visitor.historyWhen((all) => texts(all).filter((text) => text === 'bot: input').length === 3);
    // (Its own reply may be either: this call has the same 300 ms bound.)
    expect(texts(later).slice(0, 5)).toEqual([
      'bot: input',
      'visitor: 9',
      'bot: Lookup failed.',
      'bot: input',
      'visitor: 10',
    ]);
    expect(texts(later)).toHaveLength(7);
    expect(texts(later)).not.toContain('bot: Order 9 is shipped.');
  });
});
