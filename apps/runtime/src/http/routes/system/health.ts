import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../../../services';
import { createRouter } from '../../env';
import { jsonResponse } from '../../schemas';

const Health = z.object({ status: z.literal('ok') }).openapi('Health');
const Ready = z.object({ status: z.enum(['ready', 'unavailable']), database: z.string() }).openapi('Ready');

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['System'],
  summary: 'Liveness: the process answers',
  responses: { 200: jsonResponse(Health, 'Alive') },
});

const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['System'],
  summary: 'Readiness: the database answers',
  responses: {
    200: jsonResponse(Ready, 'Ready'),
    503: jsonResponse(Ready, 'Database unreachable'),
  },
});

const READY_TIMEOUT_MS = 2000;

export function healthRoutes(services: Services) {
  const router = createRouter();
  router.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  router.openapi(readyRoute, async (c) => {
    const database = services.database.kind;
    try {
      await withTimeout(services.database.ping(), READY_TIMEOUT_MS);
      return c.json({ status: 'ready' as const, database }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const, database }, 503);
    }
  });
  return router;
}

/** The promise, or a rejection after `ms` (a readiness ping must not hang the probe). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
