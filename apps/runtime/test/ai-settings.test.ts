import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aiSettingsDb } from '../src/ai-settings/tables';
import { createServices } from '../src/services';
import { createLogger } from '../src/services/logger';
import { databaseKinds } from './db';
import { type FakeOpenAiServer, startFakeOpenAiServer } from './fakes/openai-server';
import { loginHeaders, seedWorkspace } from './fixtures/accounts';
import { useTestServer } from './server';

const KEY = 'sk-test-workspace-key-7f3a';
let openai: FakeOpenAiServer;
beforeAll(async () => {
  openai = await startFakeOpenAiServer();
});
afterAll(() => openai.close());

describe.each(databaseKinds)('AI settings in the dashboard (%s)', (kind) => {
  // The fake model listens on loopback: allowed like a model running beside the server.
  const t = useTestServer(kind, {
    SECRET_KEY: 'a server secret of at least thirty-two characters',
    HTTP_BLOCK_ALLOW_PRIVATE: true,
  });
  const ctx = {} as { admin: Record<string, string>; agent: Record<string, string>; workspaceId: string };
  const call = (method: string, path: string, json?: unknown, headers = ctx.admin) =>
    t.current.call(method, path, headers, json);
  const summarize = () =>
    call('POST', '/api/admin/ai/preview-summary', { transcript: [{ author: 'visitor', text: 'My invoice is wrong' }] });

  it('starts on the server default; saving a key applies at once, encrypted, never shown again', async () => {
    const seeded = await seedWorkspace(t.current.server.db, `ai-${kind}`);
    ctx.workspaceId = seeded.workspaceId;
    ctx.admin = await loginHeaders(t.current.server.url, seeded.admin.email);
    ctx.agent = await loginHeaders(t.current.server.url, seeded.agent.email);
    expect((await call('GET', '/api/admin/ai/settings')).body).toMatchObject({
      source: 'server',
      provider: 'offline',
      keySet: false,
      canStoreKeys: true,
    });
    expect((await summarize()).body.provider).toBe('offline');

    const saved = await call('PUT', '/api/admin/ai/settings', {
      provider: 'openai',
      apiKey: KEY,
      baseUrl: openai.baseUrl,
      model: 'gpt-test',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ source: 'workspace', provider: 'openai', keySet: true, keyHint: '…7f3a' });
    expect(JSON.stringify(saved.body)).not.toContain(KEY);
    expect(JSON.stringify((await call('GET', '/api/admin/ai/settings')).body)).not.toContain(KEY);
    const row = await aiSettingsDb(t.current.server.db)
      .selectFrom('ai_settings')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .executeTakeFirstOrThrow();
    expect(row.api_key_cipher).toMatch(/^v1\./);
    expect(row.api_key_cipher).not.toContain(KEY);

    // No restart: the next AI call of this workspace goes to the saved endpoint with the saved key and model.
    const before = openai.requests.length;
    expect((await summarize()).body.provider).toBe('openai');
    const sent = openai.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent[0]?.body.model).toBe('gpt-test');
    expect((await call('GET', '/api/admin/ai')).body).toEqual({ provider: 'openai', model: 'gpt-test' });

    // Knowledge added from the dashboard is embedded with the workspace's key (hybrid retrieval), then searchable.
    const embedCalls = openai.embeddings.requests.length;
    const faq = await call('POST', '/api/admin/knowledge', {
      kind: 'qa',
      title: 'FAQ',
      pairs: [{ question: 'Can I get my money back?', answer: 'Refunds are paid within 5 days.' }],
    });
    await vi.waitFor(
      async () => {
        const chunks = await t.current.server.db
          .selectFrom('knowledge_chunks' as never)
          .select(sql<number>`count(*) filter (where embedding is not null)`.as('embedded'))
          .where(sql.ref('source_id'), '=', faq.body.id)
          .executeTakeFirstOrThrow();
        expect(Number((chunks as { embedded: number }).embedded)).toBe(1);
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(openai.embeddings.requests.length).toBeGreaterThan(embedCalls);
  });

  it('another instance picks the saved settings up on its next refresh', async () => {
    const config = t.current.database.config;
    const other = createServices(
      { ...config, SECRET_KEY: 'a server secret of at least thirty-two characters' },
      t.current.database,
      createLogger(config),
      [],
    );
    try {
      expect(other.aiFor(ctx.workspaceId).name).toBe('offline');
      await other.aiSettings.refresh();
      expect(other.aiFor(ctx.workspaceId).name).toBe('openai');
      expect(other.aiSettings.settingsFor(ctx.workspaceId).apiKey).toBe(KEY);
    } finally {
      await other.close();
    }
  });

  it('tests a connection with the saved or a typed key, and says why one fails without echoing the key', async () => {
    const ok = await call('POST', '/api/admin/ai/test-connection', { baseUrl: openai.baseUrl, model: 'gpt-test' });
    expect(ok.body).toMatchObject({ ok: true, message: 'Connected: gpt-test answered.' });
    openai.enqueue({
      status: 401,
      body: { error: { message: 'Incorrect API key provided: sk-wrong-key-123', type: 'invalid_request_error' } },
    });
    const refused = await call('POST', '/api/admin/ai/test-connection', {
      apiKey: 'sk-wrong-key-123',
      baseUrl: openai.baseUrl,
    });
    expect(refused.status).toBe(200);
    expect(refused.body.ok).toBe(false);
    expect(refused.body.message).toContain('Incorrect API key provided');
    expect(refused.body.message).not.toContain('sk-wrong-key-123');
  });

  it('keeps the key when only the model changes, drops it when going offline; refuses bad input and agents', async () => {
    const renamed = await call('PUT', '/api/admin/ai/settings', {
      provider: 'openai',
      baseUrl: openai.baseUrl,
      model: 'gpt-other',
    });
    expect(renamed.body).toMatchObject({ keySet: true, keyHint: '…7f3a', model: 'gpt-other' });
    expect((await call('PUT', '/api/admin/ai/settings', { provider: 'openai', baseUrl: 'not a url' })).status).toBe(
      400,
    );
    expect((await call('PUT', '/api/admin/ai/settings', { provider: 'openai', apiKey: 'short' })).status).toBe(400);
    expect((await call('GET', '/api/admin/ai/settings', undefined, ctx.agent)).status).toBe(403);
    expect((await call('PUT', '/api/admin/ai/settings', { provider: 'offline' }, ctx.agent)).status).toBe(403);

    const offline = await call('PUT', '/api/admin/ai/settings', { provider: 'offline' });
    expect(offline.body).toMatchObject({ source: 'workspace', provider: 'offline', keySet: false, keyHint: null });
    expect((await summarize()).body.provider).toBe('offline');
    const noKey = await call('PUT', '/api/admin/ai/settings', { provider: 'openai', model: 'gpt-test' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toBe('Enter an API key: none is saved for this workspace yet');
  });
});
