import { SCHEMA_VERSION, toJsonSchema } from '@flowdesk/flow-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/env';
import { jsonResponse } from '../http/schemas';

const JsonSchemaDocument = z.record(z.string(), z.unknown()).openapi('FlowJsonSchema');

const flowJsonSchemaRoute = createRoute({
  method: 'get',
  path: '/flow.schema.json',
  tags: ['System'],
  summary: 'JSON Schema (2020-12) of a flow document, for editors and third-party tools',
  description: 'The same document the runtime validates flows against, exported from the flow-schema package.',
  responses: {
    200: jsonResponse(JsonSchemaDocument, 'JSON Schema of a flow document'),
  },
});

/** Public and cacheable: the schema changes only with a release (its `schemaVersion` is in the ETag). */
export function flowJsonSchemaRoutes() {
  const router = createRouter();
  const document = toJsonSchema();
  router.openapi(flowJsonSchemaRoute, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('ETag', `"flow-schema-v${SCHEMA_VERSION}"`);
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(document, 200);
  });
  return router;
}
