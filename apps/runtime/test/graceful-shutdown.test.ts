import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
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

const at = { x: 0, y: 0 };
const slowFlow = (url: string): FlowDocumentInput => ({
  schemaVersion: 1,
  id: 'slow',
  name: 'Slow lookup',
  variables: [{ name: 'plan' }],
  blocks: [
    { id: 'start', type: 'start', position: at, data: {} },
    {
      id: 'lookup',
      type: 'http_request',
      position: at,
      data: { url, timeoutMs: 5000, responseMapping: [{ path: 'plan', variable: 'plan' }] },
    },
    { id: 'found', type: 'message', position: at, data: { content: { type: 'text', text: 'You are on {{plan}}.' } } },
    { id: 'failed', type: 'message', position: at, data: { content: { type: 'text', text: 'Lookup failed.' } } },
    { id: 'end', type: 'end', position: at, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'lookup' },
    { id: 'e2', source: 'lookup', sourceHandle: 'success', target: 'found' },
    { id: 'e3', source: 'lookup', sourceHandle: 'error', target: 'failed' },
    { id: 'e4', source: 'found', sourceHandle: 'next', target: 'end' },
    { id: 'e5', source: 'failed', sourceHandle: 'next', target: 'end' },
  ],
});

describe('graceful shutdown', () => {
  const t = useTestServer('pglite', { HTTP_BLOCK_ALLOW_PRIVATE: true });

  it('finishes a request in flight, stores its messages, and refuses new connections', async () => {
    const { bot } = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, slowFlow(apiUrl));
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    const inFlight = visitor.start();
    await arrived;
    const stopping = t.current.server.close();

    const session = await inFlight;
    expect(session.conversation.lastSeq).toBe(1);
    await stopping;
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
