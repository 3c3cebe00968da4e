import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server';
import { TestVisitor } from '../fixtures/visitor';
import { type EchoBehindProxy, echoDatabaseBehindProxy } from '../reliability/harness/echo-behind-proxy';

/** A database that stops answering with its connections still open (paused VM, hung network). */
describe('database paused behind open connections (PostgreSQL)', () => {
  let echo: EchoBehindProxy;
  let server: RunningServer;
  beforeAll(async () => {
    echo = await echoDatabaseBehindProxy();
    server = await startServer({ ...echo.proxiedConfig, DB_CONNECT_TIMEOUT_MS: 1000, DB_QUERY_TIMEOUT_MS: 1500 });
  });
  afterAll(async () => {
    echo?.proxy.resume();
    await server?.close();
    await echo?.close();
  });

  it('send, history and a new session answer 503 instead of hanging; all works again once it answers', async () => {
    const { seeded, proxy } = echo;
    const visitor = new TestVisitor(server.url, seeded.bot.id);
    await visitor.start();
    await visitor.say('before');
    proxy.pause();
    // Without timeouts each of these waited for the database for as long as it stayed paused.
    const bounded = { signal: AbortSignal.timeout(12_000) };
    const send = await fetch(`${server.url}/api/public/conversations/${visitor.conversationId}/messages`, {
      method: 'POST',
      headers: visitor.headers(),
      body: JSON.stringify({ clientId: 'during', content: { type: 'text', text: 'during' } }),
      ...bounded,
    });
    expect(send.status).toBe(503);
    const history = await fetch(`${server.url}/api/public/conversations/${visitor.conversationId}/messages`, {
      headers: visitor.headers(),
      ...bounded,
    });
    expect(history.status).toBe(503);
    const session = await fetch(`${server.url}/api/public/bots/${seeded.bot.id}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      ...bounded,
    });
    expect(session.status).toBe(503);
    expect((await fetch(`${server.url}/readyz`, bounded)).status).toBe(503);

    proxy.resume();
    // The retry with the same clientId is the contract: 201 if the first never landed, 200 if it did.
    const deadline = Date.now() + 20_000;
    let retried = 0;
    while (Date.now() < deadline) {
      const again = await visitor.send({ type: 'text', text: 'during' }, 'during');
      retried = again.status;
      if (retried === 201 || retried === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect([200, 201]).toContain(retried);
    const stored = (await visitor.history()).body.messages.filter(
      (m) => m.content.type === 'text' && m.content.text === 'during' && m.author === 'visitor',
    );
    expect(stored).toHaveLength(1);
  });
});
