import { describe, expect, it } from 'vitest';
import { useTestServer } from './server';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

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
          status === '204' || Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
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
});
