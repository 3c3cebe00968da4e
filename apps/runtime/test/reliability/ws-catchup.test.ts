import type { Message } from '@flowdesk/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import type { TestDatabase } from '../db';
import { loginHeaders } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useTwoInstances } from '../server';
import { seedEchoBot } from './harness/echo-bot';
import { startTcpProxy } from './harness/tcp-proxy';

/** What a widget shows: everything it received, across reconnects, deduplicated by nothing but its own seq cursor. */
class WidgetView {
  readonly shown: Message[] = [];
  absorb(socket: TestSocket) {
    for (const message of socket.messages()) if (!this.shown.includes(message)) this.shown.push(message);
  }
  get lastSeq() {
    return this.shown.at(-1)?.seq ?? 0;
  }
}

describe('WebSocket drops mid-conversation (PostgreSQL)', () => {
  const instances = useTwoInstances();
  let database: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  let seeded: Awaited<ReturnType<typeof seedEchoBot>>;
  let agent: Awaited<ReturnType<typeof loginHeaders>>;
  beforeAll(async () => {
    ({ database, a, b } = instances.current);
    seeded = await seedEchoBot(database.db);
    agent = await loginHeaders(b.url, seeded.agent.email);
  });

  const agentReply = async (conversationId: string, clientId: string, text: string) => {
    const response = await fetch(`${b.url}/api/inbox/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...agent },
      body: JSON.stringify({ clientId, text }),
    });
    expect(response.status).toBe(201);
  };
  const takeOver = async (conversationId: string) => {
    const response = await fetch(`${b.url}/api/inbox/conversations/${conversationId}/takeover`, {
      method: 'POST',
      headers: agent,
    });
    expect(response.status).toBe(200);
  };

  it('client network off: catches up by seq, offline-typed messages are stored once', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: a.port });
    const viaProxy = `http://127.0.0.1:${proxy.port}`;
    const visitor = new TestVisitor(viaProxy, seeded.bot.id);
    await visitor.start();
    await takeOver(visitor.conversationId);
    const view = new WidgetView();
    const first = await TestSocket.open(wsUrl(viaProxy, `?visitorToken=${visitor.token}`));
    first.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    for (let n = 0; n < 5; n++) await agentReply(visitor.conversationId, `before-${n}`, `before ${n}`);
    await first.until(() => first.messages().some((message) => message.clientId === 'before-4'));

    await proxy.cut();
    expect(await first.closed).toBe(1006);
    view.absorb(first);
    // While offline: the agent keeps writing, the visitor types (the sends fail and stay in the outbox).
    for (let n = 0; n < 5; n++) await agentReply(visitor.conversationId, `offline-agent-${n}`, `while away ${n}`);
    const outbox = ['typed offline 1', 'typed offline 2', 'typed offline 3'].map((text, n) => ({
      text,
      clientId: `offline-${n}`,
    }));
    for (const item of outbox)
      await expect(visitor.send({ type: 'text', text: item.text }, item.clientId)).rejects.toThrow();

    await proxy.restore();
    // The outbox flushes; an uncertain first try is sent again with the same clientId.
    for (const item of [...outbox, ...outbox]) {
      const response = await visitor.send({ type: 'text', text: item.text }, item.clientId);
      expect([200, 201]).toContain(response.status);
    }
    const second = await TestSocket.open(wsUrl(viaProxy, `?visitorToken=${visitor.token}`));
    second.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: view.lastSeq });
    const { body } = await visitor.history();
    const last = body.messages.at(-1)!.seq;
    await second.until(() => second.messages().at(-1)?.seq === last);
    view.absorb(second);
    // Exactly the visitor's history (agents' internal entries never reach it), in order, nothing twice.
    expect(view.shown.map((message) => message.id)).toEqual(body.messages.map((message) => message.id));
    for (const item of outbox)
      expect(body.messages.filter((message) => message.clientId === item.clientId)).toHaveLength(1);
    await second.close();
    await proxy.close();
  });

  it('server closes the socket (instance shut down): reconnects to another instance and catches up', async () => {
    const visitor = new TestVisitor(a.url, seeded.bot.id);
    await visitor.start();
    await takeOver(visitor.conversationId);
    const view = new WidgetView();
    const onA = await TestSocket.open(wsUrl(a.url, `?visitorToken=${visitor.token}`));
    onA.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await agentReply(visitor.conversationId, 'first', 'first');
    await onA.until(() => onA.messages().some((message) => message.clientId === 'first'));

    const replies = (async () => {
      for (let n = 0; n < 10; n++) await agentReply(visitor.conversationId, `during-${n}`, `during ${n}`);
    })();
    await a.close();
    expect(await onA.closed).toBe(1001);
    view.absorb(onA);
    await replies;
    const onB = await TestSocket.open(wsUrl(b.url, `?visitorToken=${visitor.token}`));
    onB.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: view.lastSeq });
    await onB.until(() => onB.messages().some((message) => message.clientId === 'during-9'));
    view.absorb(onB);
    const onInstanceB = new TestVisitor(b.url, seeded.bot.id);
    onInstanceB.session = visitor.session;
    const { body } = await onInstanceB.history();
    expect(view.shown.map((message) => message.id)).toEqual(body.messages.map((message) => message.id));
    expect(view.shown.filter((message) => message.clientId?.startsWith('during-'))).toHaveLength(10);
    await onB.close();
  });
});
