import { describe, expect, test } from 'vitest';
import { ApiError, createApiClient } from './client';
import { knowledgeApi, uploadPath } from './knowledge';
import { testServer } from './test-server';

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

const server = testServer((req, res) => {
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

describe('knowledge api', () => {
  test('uploads the raw bytes under the file name and title, not JSON', async () => {
    const api = createApiClient({ baseUrl: server.url });
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const answer = await knowledgeApi.upload(
      api,
      new Blob([bytes], { type: 'application/pdf' }),
      'a & b.pdf',
      ' Warranty ',
    );
    expect(answer.id).toBe('k1');
    const last = server.seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.url).toBe('/api/admin/knowledge/files?name=a+%26+b.pdf&title=Warranty');
    expect(last.headers['content-type']).toBe('application/octet-stream');
    expect([...last.body]).toEqual([...bytes]);
    expect(uploadPath('notes.md', '  ')).toBe('/api/admin/knowledge/files?name=notes.md');
  });

  test("a refused upload is an ApiError with the server's words", async () => {
    const api = createApiClient({ baseUrl: server.url });
    const refused = knowledgeApi.upload(api, new Blob(['x']), 'big.txt');
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 413, message: 'The file is larger than 10 MB' });
  });

  test('re-indexes and deletes by id, checking the answers', async () => {
    const api = createApiClient({ baseUrl: server.url });
    expect((await knowledgeApi.reindex(api, 'k/1')).status).toBe('pending');
    expect(server.seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/admin/knowledge/k%2F1/reindex' });
    expect(await knowledgeApi.remove(api, 'k1')).toEqual({ deleted: true });
    expect(server.seen.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/admin/knowledge/k1' });
  });
});
