import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../../../services';
import { createRouter } from '../../env';
import { requireAdmin, requireUser } from '../../middleware/auth';
import { errors, jsonResponse } from '../../schemas';

const AiStatusSchema = z
  .object({
    provider: z.enum(['openai', 'offline']),
    /** The chat model in use; null for the offline provider. */
    model: z.string().nullable(),
  })
  .openapi('AiStatus');

const path = '/api/admin/ai';
const statusRoute = createRoute({
  method: 'get',
  path,
  tags: ['AI'],
  summary: 'Which AI provider is active (admin)',
  responses: { 200: jsonResponse(AiStatusSchema, 'The active provider'), 401: errors[401], 403: errors[403] },
});

export function aiRoutes(services: Services) {
  const router = createRouter();
  router.use(path, requireUser(services));
  router.openapi(statusRoute, (c) => {
    requireAdmin(c);
    const provider = services.ai.name;
    return c.json({ provider, model: provider === 'openai' ? services.config.OPENAI_MODEL : null }, 200);
  });
  return router;
}
