import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { loginHeaders } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { until as poll } from '../poll';
import { type EchoBehindProxy, echoDatabaseBehindProxy } from './harness/echo-behind-proxy';

const until = (check: () => Promise<boolean>, timeoutMs = 20_000) => poll(check, timeoutMs, 100);

const texts = (socket: TestSocket) =>
  socket.messages().flatMap((message) => (message.content.type === 'text' ? [message.content.text] : []));

/**
 * Instance A reaches PostgreSQL through a TCP proxy the test cuts (the database "goes away" for A,
 * longer than the realtime listener's first reconnect attempts); instance B keeps a direct connection.
 */
describe('database unavailable, then back (PostgreSQL behind a cut TCP proxy)', () => {
  let echo: EchoBehindProxy;
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    echo = await echoDatabaseBehindProxy();
    a = await startServer(echo.proxiedConfig);
    b = await startServer(echo.database.config);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await echo?.close();
  });

  it('answers 503 with a clear message while down, /readyz fails, nothing half-written; recovers by itself', async () => {
    const { seeded, proxy } = echo;
    const visitor = new TestVisitor(a.url, seeded.bot.id);
    await visitor.start();
    await visitor.say('before the outage');
    const { cookie } = await loginHeaders(b.url, seeded.agent.email);
    const agentOnB = await TestSocket.open(wsUrl(b.url), { headers: { cookie } });
    const agentOnA = await TestSocket.open(wsUrl(a.url), { headers: { cookie } });
    for (const socket of [agentOnA, agentOnB]) {
      socket.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
      await socket.until(() => texts(socket).includes('before the outage'));
    }

    const logged = vi.spyOn(a.services.logger, 'error');
    const bridgeErrors = () => logged.mock.calls.filter((call) => call[1] === 'realtime bridge error').length;
    await proxy.cut();
    const attempts: Array<{ what: string; response: Response }> = [];
    const attempt = async (what: string, request: Promise<Response>) =>
      attempts.push({ what, response: await request });
    await attempt('send message', visitor.send({ type: 'text', text: 'during the outage' }, 'outage-1'));
    await attempt(
      'history',
      fetch(`${a.url}/api/public/conversations/${visitor.conversationId}/messages`, { headers: visitor.headers() }),
    );
    await attempt(
      'new session',
      fetch(`${a.url}/api/public/bots/${seeded.bot.id}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    await attempt('inbox list', fetch(`${a.url}/api/inbox/conversations`, { headers: { cookie } }));
    await attempt(
      'login',
      fetch(`${a.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'fetch' },
        body: JSON.stringify({ email: seeded.agent.email, password: 'wrong-or-right' }),
      }),
    );
    for (const { what, response } of attempts) {
      const body = (await response.json()) as { error?: { code: string; message: string } };
      expect({ what, status: response.status, code: body.error?.code }).toEqual({
        what,
        status: 503,
        code: 'unavailable',
      });
      expect(body.error?.message.length).toBeGreaterThan(10);
    }
    expect((await fetch(`${a.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    // Until the realtime listener's first reconnect attempts have failed too (it logged the drop, then each).
    await until(async () => bridgeErrors() >= 3);

    await proxy.restore();
    await until(async () => (await fetch(`${a.url}/readyz`)).status === 200);
    // The widget retries with the same clientId: stored once, and the bot step ran once.
    const retried = await visitor.send({ type: 'text', text: 'during the outage' }, 'outage-1');
    expect(retried.status).toBe(201);
    const { body } = await visitor.history();
    expect(body.messages.filter((message) => message.clientId === 'outage-1')).toHaveLength(1);
    expect(body.messages.map((message) => message.seq)).toEqual(body.messages.map((_, index) => index + 1));
    expect(
      texts({ messages: () => body.messages } as TestSocket).filter((text) => text === 'You said: during the outage'),
    ).toHaveLength(1);

    // Realtime works both ways again: A's listener reconnected, A publishes again.
    await agentOnB.until(() => texts(agentOnB).includes('during the outage'));
    const fromB = new TestVisitor(b.url, seeded.bot.id);
    fromB.session = visitor.session;
    await fromB.say('after the outage, sent through B');
    await agentOnA.until(() => texts(agentOnA).includes('after the outage, sent through B'), 10_000);
    await Promise.all([agentOnA.close(), agentOnB.close()]);
  });
});
