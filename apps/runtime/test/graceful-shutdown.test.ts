import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { httpLookupFlow } from './fixtures/http-flow';
import { TestVisitor } from './fixtures/visitor';
import { useTestServer } from './server';

// A slow upstream API: the greeting's HTTP block is still waiting on it when the runtime is told to stop.
let api: Server;
let apiUrl = '';
let requestArrived: () => void = () => {};
const arrived = new Promise<void>((resolve) => {
  requestArrived = resolve;
});
beforeAll(async () => {
  api = createServer((_req, res) => {
    requestArrived();
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ plan: 'pro' }));
    }, 700);
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/plan`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

describe('graceful shutdown', () => {
  const t = useTestServer('pglite', { HTTP_BLOCK_ALLOW_PRIVATE: true });

  it('drains a flow call in flight, stores its answer, and refuses new connections', async () => {
    const { bot } = await seedWorkspace(t.current.server.db);
    await publishFlow(
      t.current.server.db,
      bot.id,
      httpLookupFlow({ url: apiUrl, path: 'plan', variable: 'plan', found: 'You are on {{plan}}.', timeoutMs: 5000 }),
    );
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    // The session is answered at once: the HTTP block runs after the step, with no database held.
    const session = await visitor.start();
    expect(session.conversation).toMatchObject({ lastSeq: 0, working: true });
    await arrived;
    await t.current.server.close();
    await expect(fetch(`${t.current.server.url}/healthz`)).rejects.toThrow();
    // The answer was stored before the database closed: read it back directly.
    const stored = await t.current.database.db
      .selectFrom('messages')
      .select(['seq', 'type', 'payload'])
      .where('conversation_id', '=', session.conversation.id)
      .execute();
    expect(stored.map((row) => [row.type, row.payload])).toEqual([['text', { text: 'You are on pro.' }]]);
  });
});
