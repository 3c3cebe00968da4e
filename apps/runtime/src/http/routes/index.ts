import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Services } from '../../services';
import type { AppEnv } from '../env';
import { sessionRoutes } from './auth/session';
import { healthRoutes } from './system/health';

/** Every route file is mounted here, one line each. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.route('/', healthRoutes(services));
  app.route('/', sessionRoutes(services));
}
