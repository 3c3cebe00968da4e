import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError, createApiClient } from './client';
import { knowledgeApi, uploadPath } from './knowledge';

const source = {
  id: 'k1',
  kind: 'file',
  title: 'Warranty',
  url: null,
  refresh: 'never',
  nextRefreshAt: null,
  status: 'pending',
  progress: { done: 0, total: 0 },
  failures: [],
  chunkCount: 0,
  indexedAt: null,
  createdAt: '2026-12-05T10:00:00.000Z',
};

interface Seen {
  method?: string;
  url?: string;
  type?: string;
  body: Buffer;
}
let server: Server;
let baseUrl = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body });
      res.setHeader('content-type', 'application/json');
      if (req.url?.includes('name=big.txt')) {
        res.writeHead(413).end(
          JSON.stringify({
            error: { code: 'payload_too_large', message: 'The file is larger than 10 MB', details: null },
          }),
        );
      } else if (req.method === 'DELETE') res.end(JSON.stringify({ deleted: true }));
      else res.writeHead(req.url?.endsWith('/reindex') ? 202 : 201).end(JSON.stringify(source));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('knowledge api', () => {
  test('uploads the raw bytes under the file name and title, not JSON', async () => {
    const api = createApiClient({ baseUrl });
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const answer = await knowledgeApi.upload(
      api,
      new Blob([bytes], { type: 'application/pdf' }),
      'a & b.pdf',
      ' Warranty ',
    );
    expect(answer.id).toBe('k1');
    const last = seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.url).toBe('/api/admin/knowledge/files?name=a+%26+b.pdf&title=Warranty');
    expect(last.type).toBe('application/octet-stream');
    expect([...last.body]).toEqual([...bytes]);
    expect(uploadPath('notes.md', '  ')).toBe('/api/admin/knowledge/files?name=notes.md');
  });

  test("a refused upload is an ApiError with the server's words", async () => {
    const api = createApiClient({ baseUrl });
    const refused = knowledgeApi.upload(api, new Blob(['x']), 'big.txt');
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 413, message: 'The file is larger than 10 MB' });
  });

  test('re-indexes and deletes by id, checking the answers', async () => {
    const api = createApiClient({ baseUrl });
    expect((await knowledgeApi.reindex(api, 'k/1')).status).toBe('pending');
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/admin/knowledge/k%2F1/reindex' });
    expect(await knowledgeApi.remove(api, 'k1')).toEqual({ deleted: true });
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/admin/knowledge/k1' });
  });
});
