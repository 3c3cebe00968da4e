import { describe, expect, it } from 'vitest';
import { useTestServer } from './server';

type Operation = {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};

/**
 * A schema that says something about the body. `{}` (any JSON: what a hand-typed `z.custom`, `z.unknown` or `z.any`
 * answer renders as) documents nothing, so the builder's check of that answer would pass anything.
 */
function describesBody(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  return ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'properties'].some((key) => key in schema);
}

/** Dashboard routes whose answers the builder reads: each must document its success body (or say it has none). */
function undocumented(paths: Record<string, Record<string, Operation>>): string[] {
  const missing: string[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    if (!path.startsWith('/api/') || path.startsWith('/api/public/')) continue;
    for (const [method, operation] of Object.entries(operations)) {
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      const documented = success.some(
        // JSON for most; a download (the analytics CSV) documents its own media type.
        ([status, response]) =>
          status === '204' || Object.values(response.content ?? {}).some((media) => describesBody(media.schema)),
      );
      if (!documented) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing.sort();
}

describe('OpenAPI document of the dashboard API', () => {
  const t = useTestServer('pglite');

  it('documents a success body schema for every /api/ dashboard route', async () => {
    const document = (await (await t.current.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/api/inbox/')).length).toBeGreaterThan(5);
    expect(undocumented(document.paths)).toEqual([]);
  });

  it('counts a route without a success body, or with one documented as any JSON, as undocumented', () => {
    const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
    const paths = {
      '/api/admin/typed': { get: { responses: { 200: json({ type: 'object', properties: {} }) } } },
      '/api/admin/ref': { get: { responses: { 201: json({ $ref: '#/components/schemas/Bot' }) } } },
      '/api/admin/gone': { delete: { responses: { 204: { description: 'Deleted' } } } },
      '/api/admin/any': { get: { responses: { 200: json({}) } } },
      '/api/admin/bare': { post: { responses: { 200: { description: 'OK' } } } },
      '/api/admin/errors-only': { put: { responses: { 400: json({ type: 'object' }) } } },
      '/api/public/widget': { get: { responses: {} } },
    };
    expect(undocumented(paths)).toEqual(['GET /api/admin/any', 'POST /api/admin/bare', 'PUT /api/admin/errors-only']);
  });
});
