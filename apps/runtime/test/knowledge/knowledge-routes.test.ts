import { describe, expect, it, vi } from 'vitest';
import { databaseKinds } from '../db';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { type Json, useTestServer } from '../server';
import { makePdf } from './file-fixtures';
import { knowledgeFlow } from './knowledge-flow';

describe.each(databaseKinds)('knowledge source API on %s', (kind) => {
  const t = useTestServer(kind);
  const ctx = {} as { admin: Record<string, string>; agent: Record<string, string> };
  const call = (method: string, path: string, json?: unknown, headers = ctx.admin) =>
    t.current.call(method, path, headers, json);
  const upload = (query: string, body: Uint8Array, headers = ctx.admin) =>
    fetch(`${t.current.server.url}/api/admin/knowledge/files?${query}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
  const settled = (id: string, headers = ctx.admin) =>
    vi.waitFor(
      async () => {
        const answer = await call('GET', `/api/admin/knowledge/${id}`, undefined, headers);
        expect(['ready', 'failed']).toContain(answer.body.status);
        return answer.body as Json;
      },
      { timeout: 20_000, interval: 50 },
    );

  it('creates Q&A sources, indexes them in the background and lists them; agents are refused', async () => {
    const { admin, agent } = await seedWorkspace(t.current.server.db, 'kb');
    ctx.admin = await loginHeaders(t.current.server.url, admin.email);
    ctx.agent = await loginHeaders(t.current.server.url, agent.email);
    const created = await call('POST', '/api/admin/knowledge', {
      kind: 'qa',
      title: 'FAQ',
      pairs: [{ question: 'Do you ship abroad?', answer: 'Yes, to every EU country.' }],
    });
    expect(created.status).toBe(201);
    expect(await settled(created.body.id)).toMatchObject({ status: 'ready', chunkCount: 1, failures: [] });
    const list = await call('GET', '/api/admin/knowledge');
    expect(list.body.sources).toEqual([expect.objectContaining({ id: created.body.id, kind: 'qa', title: 'FAQ' })]);
    expect((await call('GET', '/api/admin/knowledge', undefined, ctx.agent)).status).toBe(403);
    const reindex = await call('POST', `/api/admin/knowledge/${created.body.id}/reindex`);
    expect(reindex.status).toBe(202);
    // Queued from the answer on (the dashboard shows it at once); the old chunk stays until the new one replaces it.
    expect(reindex.body).toMatchObject({ status: 'pending', chunkCount: 1 });
    expect(await settled(created.body.id)).toMatchObject({ status: 'ready', chunkCount: 1 });
  });

  it('answers 4xx for bad input, unknown ids, bad or too large uploads', async () => {
    const empty = await call('POST', '/api/admin/knowledge', { kind: 'qa', title: 'FAQ', pairs: [] });
    expect(empty.status).toBe(400);
    const ftp = await call('POST', '/api/admin/knowledge', { kind: 'web', title: 'Site', url: 'ftp://example.com' });
    expect(ftp.status).toBe(400);
    expect((await call('POST', '/api/admin/knowledge', { kind: 'video', title: 'x' })).status).toBe(400);
    expect((await call('GET', '/api/admin/knowledge/nope')).status).toBe(404);
    expect((await call('DELETE', '/api/admin/knowledge/nope')).status).toBe(404);
    expect((await upload('name=sheet.xlsx', new Uint8Array([1]))).status).toBe(400);
    expect((await upload('name=empty.txt', new Uint8Array())).status).toBe(400);
    const tooLarge = await upload('name=big.txt', new Uint8Array(10 * 1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as Json).error.message).toContain('larger than 10 MB');
    // A JSON body is read by earlier middleware (depth bound, audit); the upload's bound must still hold when no
    // content-length announces the size (a streamed body: the bound then counts bytes as they are read).
    const asJson = (query: string, body: string) =>
      t.current.server.app.request(`/api/admin/knowledge/files?${query}`, {
        method: 'POST',
        headers: { ...ctx.admin, 'content-type': 'application/json' },
        body,
      });
    expect((await asJson('', 'false')).status).toBe(400);
    expect((await asJson('name=deep.txt', '['.repeat(200))).status).toBe(400);
    expect((await asJson('name=big.txt', `"${'x'.repeat(10 * 1024 * 1024)}"`)).status).toBe(413);
  });

  it('indexes an uploaded PDF, reports a corrupt one by name, and deletes a source', async () => {
    const good = await upload('name=warranty.pdf&title=Warranty', makePdf(['Kettles carry a two year warranty.']));
    expect(good.status).toBe(201);
    const goodId = ((await good.json()) as Json).id as string;
    expect(await settled(goodId)).toMatchObject({ status: 'ready', title: 'Warranty', chunkCount: 1 });

    const bad = await upload('name=manual.pdf', new TextEncoder().encode('%PDF-1.7 cut off'));
    const badId = ((await bad.json()) as Json).id as string;
    const failed = await settled(badId);
    expect(failed.status).toBe('failed');
    expect(failed.failures).toEqual([
      { item: 'manual.pdf', reason: expect.stringContaining('could not be read as PDF') },
    ]);

    expect((await call('DELETE', `/api/admin/knowledge/${goodId}`)).body).toEqual({ deleted: true });
    expect((await call('GET', `/api/admin/knowledge/${goodId}`)).status).toBe(404);
  });
  it('flags a flow block reading a deleted or empty source: publishing is refused until it is fixed', async () => {
    const seeded = await seedWorkspace(t.current.server.db, 'kb-flow');
    const admin = await loginHeaders(t.current.server.url, seeded.admin.email);
    const bot = seeded.bot;
    const faq = await call(
      'POST',
      '/api/admin/knowledge',
      { kind: 'qa', title: 'FAQ', pairs: [{ question: 'Do you gift wrap?', answer: 'Yes, for 3 euros.' }] },
      admin,
    );
    await settled(faq.body.id, admin);
    const created = await call(
      'POST',
      '/api/admin/flows',
      { botId: bot.id, name: 'Answers', draft: knowledgeFlow([faq.body.id, 'deleted-source']) },
      admin,
    );
    const flowId = created.body.flow.id as string;
    const validated = await call('POST', `/api/admin/flows/${flowId}/validate`, {}, admin);
    const errorsOf = (problems: Json[]) => problems.filter((problem) => problem.severity === 'error');
    expect(errorsOf(validated.body.problems)).toEqual([
      expect.objectContaining({
        code: 'unknown_knowledge_source',
        blockId: 'answer',
        details: { sourceId: 'deleted-source' },
      }),
    ]);
    const refused = await call('POST', `/api/admin/flows/${flowId}/publish`, {}, admin);
    expect(refused.status).toBe(422);
    expect(errorsOf(refused.body.error.details)).toEqual([
      expect.objectContaining({ code: 'unknown_knowledge_source' }),
    ]);

    await call('PUT', `/api/admin/flows/${flowId}/draft`, { draft: knowledgeFlow([faq.body.id]) }, admin);
    expect((await call('POST', `/api/admin/flows/${flowId}/publish`, {}, admin)).status).toBe(201);
    // A source of another workspace is as unknown as a deleted one.
    const theirs = await call(
      'POST',
      '/api/admin/knowledge',
      { kind: 'qa', title: 'Theirs', pairs: [{ question: 'q?', answer: 'a.' }] },
      ctx.admin,
    );
    const posted = await call(
      'POST',
      `/api/admin/flows/${flowId}/validate`,
      { draft: knowledgeFlow([theirs.body.id]) },
      admin,
    );
    expect(errorsOf(posted.body.problems).map((problem) => problem.code)).toEqual(['unknown_knowledge_source']);
  });
});
