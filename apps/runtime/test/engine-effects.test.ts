import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { httpLookupFlow } from './fixtures/http-flow';
import { TestVisitor } from './fixtures/visitor';
import { useTestServer } from './server';

let api: Server;
let apiUrl = '';
beforeAll(async () => {
  api = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ order: { status: 'shipped' } }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/orders/42`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

async function greeting(t: ReturnType<typeof useTestServer>) {
  const { bot } = await seedWorkspace(t.current.server.db);
  await publishFlow(
    t.current.server.db,
    bot.id,
    httpLookupFlow({ url: apiUrl, path: 'order.status', variable: 'status', found: 'Your order is {{status}}.' }),
  );
  const visitor = new TestVisitor(t.current.server.url, bot.id);
  await visitor.start();
  return (await visitor.settled()).map((message) => message.content);
}

describe('HTTP request blocks when private addresses are allowed', () => {
  const t = useTestServer('pglite', { HTTP_BLOCK_ALLOW_PRIVATE: true });

  it('calls the API and maps its answer into a variable', async () => {
    expect(await greeting(t)).toEqual([{ type: 'text', text: 'Your order is shipped.' }]);
  });
});

describe('HTTP request blocks with the default SSRF guard', () => {
  const t = useTestServer('pglite');

  it('refuses loopback and takes the error branch', async () => {
    expect(await greeting(t)).toEqual([{ type: 'text', text: 'Lookup failed.' }]);
  });
});
