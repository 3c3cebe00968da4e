import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAiConnection } from './test-connection';

const KEY = 'sk-typed-by-the-admin-0123456789';
const servers: Server[] = [];

/** A loopback endpoint answering every request with `status` and `body` (or never, when `status` is 0). */
async function endpoint(status: number, body: string, type = 'application/json'): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    if (status === 0) return;
    res.writeHead(status, { 'content-type': type }).end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

const test = (baseUrl: string, timeoutMs = 5000) =>
  testAiConnection({ apiKey: KEY, baseUrl, model: 'gpt-x', timeoutMs });

describe('testAiConnection says why a connection failed in words an admin can act on', () => {
  let closedPort: string;
  beforeAll(async () => {
    const url = await endpoint(200, '{}');
    closedPort = url;
    await new Promise((resolve) => servers.pop()?.close(resolve));
  });
  afterAll(async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('a refused key: the endpoint says so, without the key or LangChain troubleshooting links', async () => {
    const url = await endpoint(401, JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }));
    const answer = await test(url);
    expect(answer.ok).toBe(false);
    expect(answer.message).toBe('The endpoint refused the API key (HTTP 401): Incorrect API key provided: …');
  });

  it('a port where nothing listens, and a port that never answers', async () => {
    expect((await test(closedPort)).message).toBe(
      'Could not reach the endpoint: nothing answers at that address and port (connection refused)',
    );
    expect((await test(await endpoint(0, ''), 1000)).message).toBe('The endpoint did not answer within 1 s');
  });

  it('a URL that reaches a web server but not an OpenAI API', async () => {
    const url = await endpoint(404, '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>', 'text/html');
    expect((await test(url)).message).toBe(
      'The endpoint answered HTTP 404 with a web page, not the OpenAI API: check the endpoint URL (it usually ends in /v1)',
    );
  });
});
