import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** A request the test server received, its body read whole. */
export interface SeenRequest {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>`, once the server listens (from beforeAll on). */
  readonly url: string;
  /** Every request so far, oldest first. */
  readonly seen: SeenRequest[];
}

/**
 * Registers hooks that run a local HTTP server for the test file (or the describe block that calls it):
 * each request is read whole, recorded in `seen`, then answered by `answer`.
 */
export function testServer(answer: (request: SeenRequest, res: ServerResponse) => void): TestServer {
  const state = { url: '', seen: [] as SeenRequest[] };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) };
      state.seen.push(request);
      answer(request, res);
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return state;
}
