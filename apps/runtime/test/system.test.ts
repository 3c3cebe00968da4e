import { toJsonSchema } from '@flowdesk/flow-schema';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseKinds, TEST_DATABASE_URL } from './db';
import { useTestServer } from './server';

describe.each(databaseKinds)('system routes on %s', (kind) => {
  const t = useTestServer(kind);

  it('answers /healthz and /readyz', async () => {
    const health = await t.current.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await t.current.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: kind });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await t.current.request('/nope/nothing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String), details: null } });
  });

  it('serves the flow document JSON Schema for editors and third-party tools', async () => {
    const response = await t.current.request('/flow.schema.json');
    expect(response.status).toBe(200);
    const schema = (await response.json()) as { $schema?: string; properties?: Record<string, unknown> };
    expect(schema).toEqual(toJsonSchema());
    expect(schema.$schema).toContain('2020-12');
    expect(schema.properties).toHaveProperty('blocks');
    const document = (await (await t.current.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(document.paths['/flow.schema.json']).toBeDefined();
  });

  it('refuses bodies over the limit with 413', async () => {
    const response = await t.current.request('/healthz', { method: 'POST', body: 'x'.repeat(2_000_000) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('publishes the OpenAPI document and a docs page listing it', async () => {
    const document = (await (await t.current.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(document.paths['/readyz']).toBeDefined();
    const docs = await t.current.request('/docs');
    expect(docs.headers.get('content-type')).toContain('text/html');
    const page = await docs.text();
    expect(page).toContain('/readyz');
    expect(page).toContain('Readiness: the database answers');
  });
});

describe('readiness when the database is gone', () => {
  const t = useTestServer('postgres');

  it('reports 503 from /readyz and from the API', async () => {
    const name = new URL(t.current.database.config.DATABASE_URL!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
    const response = await t.current.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable' });
    const api = await t.current.request('/api/public/bots/any/sessions', { method: 'POST', json: {} });
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: { code: 'unavailable' } });
  });
});
