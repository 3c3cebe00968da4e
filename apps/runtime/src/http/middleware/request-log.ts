import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../services/logger';
import type { AppEnv } from '../env';

/** One log line per request: method, path (no query: it may hold tokens), status, duration. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const entry = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    };
    if (c.res.status >= 500) logger.error(entry, 'request failed');
    else logger.debug(entry, 'request');
  };
}
