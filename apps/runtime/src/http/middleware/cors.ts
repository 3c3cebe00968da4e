import { PUBLIC_API_PREFIX } from '@flowdesk/contract';
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../../config';

/**
 * CORS with credentials for the dashboard API, only for CORS_ORIGINS (e.g. the builder's dev server).
 * The public widget API has its own per-bot CORS and is skipped here.
 */
export function dashboardCors(config: Pick<Config, 'CORS_ORIGINS'>): MiddlewareHandler {
  const allowed = new Set(config.CORS_ORIGINS);
  const handler = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    credentials: true,
    allowHeaders: ['Content-Type', 'X-Requested-With'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  return (c, next) => (c.req.path.startsWith(PUBLIC_API_PREFIX) ? next() : handler(c, next));
}
