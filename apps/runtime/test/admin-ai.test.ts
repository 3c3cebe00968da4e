import { describe, expect, it } from 'vitest';
import { loginHeaders, seedWorkspace } from './fixtures/accounts';
import { useTestServer } from './server';

async function statusAs(t: ReturnType<typeof useTestServer>, who: 'admin' | 'agent' | 'nobody') {
  const { db, url } = t.current.server;
  const workspace = await seedWorkspace(db, `ai-${who}-${Date.now()}`);
  const headers = who === 'nobody' ? {} : await loginHeaders(url, workspace[who].email);
  const response = await t.current.request('/api/admin/ai', { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GET /api/admin/ai without a key', () => {
  const t = useTestServer('pglite', { OPENAI_API_KEY: undefined });

  it('reports the offline provider to admins only', async () => {
    expect(await statusAs(t, 'admin')).toEqual({ status: 200, body: { provider: 'offline', model: null } });
    expect((await statusAs(t, 'agent')).status).toBe(403);
    expect((await statusAs(t, 'nobody')).status).toBe(401);
  });
});

describe('GET /api/admin/ai with a key', () => {
  const t = useTestServer('pglite', {
    OPENAI_API_KEY: 'sk-test-status',
    OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    OPENAI_MODEL: 'gpt-test',
  });

  it('reports the OpenAI-compatible provider and its model, never the key', async () => {
    const { status, body } = await statusAs(t, 'admin');
    expect({ status, body }).toEqual({ status: 200, body: { provider: 'openai', model: 'gpt-test' } });
    expect(JSON.stringify(body)).not.toContain('sk-test');
  });
});
