import { describe, expect, it, vi } from 'vitest';
import { replaceChunks } from '../../src/knowledge/sources';
import { databaseKinds } from '../db';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { type Json, useTestServer } from '../server';

describe.each(databaseKinds)('editing a knowledge source on %s', (kind) => {
  const t = useTestServer(kind);
  const ctx = {} as { admin: Record<string, string>; agent: Record<string, string>; other: Record<string, string> };
  const call = (method: string, path: string, json?: unknown, headers = ctx.admin) =>
    t.current.call(method, path, headers, json);
  const settled = (id: string) =>
    vi.waitFor(
      async () => {
        const answer = await call('GET', `/api/admin/knowledge/${id}`);
        expect(['ready', 'failed']).toContain(answer.body.status);
        return answer.body as Json;
      },
      { timeout: 20_000, interval: 50 },
    );
  const ask = async (question: string, sourceId: string) =>
    (await call('POST', '/api/admin/knowledge/preview-answer', { question, sourceIds: [sourceId] })).body as Json;

  it('gives a Q&A source back to edit; the new answers replace the old ones', async () => {
    const { admin, agent } = await seedWorkspace(t.current.server.db, 'kb-edit');
    const other = await seedWorkspace(t.current.server.db, 'kb-edit-other');
    ctx.admin = await loginHeaders(t.current.server.url, admin.email);
    ctx.agent = await loginHeaders(t.current.server.url, agent.email);
    ctx.other = await loginHeaders(t.current.server.url, other.admin.email);
    const created = await call('POST', '/api/admin/knowledge', {
      kind: 'qa',
      title: 'Shipping',
      pairs: [{ question: 'How long does delivery to Canada take?', answer: 'Delivery to Canada takes 9 days.' }],
    });
    const id = created.body.id as string;
    await settled(id);
    expect((await ask('How long does delivery to Canada take?', id)).answer).toContain('9 days');

    const content = await call('GET', `/api/admin/knowledge/${id}/content`);
    expect(content.status).toBe(200);
    expect(content.body).toEqual({
      kind: 'qa',
      title: 'Shipping',
      pairs: [{ question: 'How long does delivery to Canada take?', answer: 'Delivery to Canada takes 9 days.' }],
    });

    const edited = await call('PUT', `/api/admin/knowledge/${id}`, {
      kind: 'qa',
      title: 'Shipping and returns',
      pairs: [
        { question: 'How long does delivery to Canada take?', answer: 'Delivery to Canada now takes 4 days.' },
        { question: 'Can I return a kettle?', answer: 'Kettles can be returned within 30 days.' },
      ],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id, title: 'Shipping and returns', status: 'pending' });
    expect(await settled(id)).toMatchObject({ status: 'ready', chunkCount: 2 });
    const delivery = await ask('How long does delivery to Canada take?', id);
    expect(delivery.answer).toContain('4 days');
    expect(delivery.answer).not.toContain('9 days');
    // A Q&A pair is cited by its question.
    expect(delivery.citations).toEqual([expect.objectContaining({ title: 'How long does delivery to Canada take?' })]);
    expect((await ask('Can I return a kettle?', id)).answer).toContain('30 days');
  });

  it('keeps its kind, its workspace and its admins; bad input is a 400', async () => {
    const text = await call('POST', '/api/admin/knowledge', { kind: 'text', title: 'Returns', text: 'Thirty days.' });
    const id = text.body.id as string;
    await settled(id);
    const asQa = await call('PUT', `/api/admin/knowledge/${id}`, {
      kind: 'qa',
      title: 'Returns',
      pairs: [{ question: 'q?', answer: 'a.' }],
    });
    expect(asQa.status).toBe(400);
    expect(asQa.body.error.message).toContain('holds a text');
    const good = { kind: 'text', title: 'Returns', text: 'Sixty days.' };
    expect((await call('PUT', `/api/admin/knowledge/${id}`, { ...good, title: '' })).status).toBe(400);
    expect((await call('PUT', `/api/admin/knowledge/${id}`, good, ctx.agent)).status).toBe(403);
    expect((await call('PUT', `/api/admin/knowledge/${id}`, good, ctx.other)).status).toBe(404);
    expect((await call('GET', `/api/admin/knowledge/${id}/content`, undefined, ctx.other)).status).toBe(404);
    expect((await call('PUT', '/api/admin/knowledge/nope', good)).status).toBe(404);
    expect((await call('GET', `/api/admin/knowledge/${id}/content`)).body).toEqual({
      kind: 'text',
      title: 'Returns',
      text: 'Thirty days.',
    });
  });

  it('a run that read the source before an edit leaves the edited content alone', async () => {
    const created = await call('POST', '/api/admin/knowledge', {
      kind: 'text',
      title: 'Hours',
      text: 'The shop opens at 9 in the morning.',
    });
    const id = created.body.id as string;
    await settled(id);
    await call('PUT', `/api/admin/knowledge/${id}`, {
      kind: 'text',
      title: 'Hours',
      text: 'The shop opens at 8 in the morning.',
    });
    await settled(id);
    // A slow earlier run (a crawl, say) finishing now with what it read before the edit.
    const stale = await replaceChunks(
      t.current.server.db,
      { id, workspaceId: 'kb-edit', read: { title: 'Hours', config: { text: 'The shop opens at 9 in the morning.' } } },
      [{ title: 'Hours', url: null, position: 0, text: 'The shop opens at 9 in the morning.' }],
      [],
    );
    expect(stale).toEqual([]);
    const answer = (await ask('When does the shop open?', id)).answer;
    expect(answer).toContain('opens at 8');
  });
});
