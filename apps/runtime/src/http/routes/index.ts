import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Services } from '../../services';
import type { AppEnv } from '../env';
import { publicConversationRoutes } from './public/conversations';
import { sessionRoutes as publicSessionRoutes } from './public/sessions';
import { publicVisitorRoutes } from './public/visitor';
import { publicWidgetRoutes } from './public/widget';
import { demoRoutes } from './system/demo';
import { healthRoutes } from './system/health';
import { staticRoutes } from './system/static';

/** The core's routes: health, the visitor's public API, the demo and the static apps; every area mounts its own (areas.ts). */
export function registerRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.route('/', healthRoutes(services));
  app.route('/', publicSessionRoutes(services));
  app.route('/', publicConversationRoutes(services));
  app.route('/', publicVisitorRoutes(services));
  app.route('/', publicWidgetRoutes(services));
  app.route('/', demoRoutes(services));
  app.route('/', staticRoutes(services.config));
  // The feature areas' own routes (areas.ts), in its order.
  for (const module of services.modules) module.routes?.(app, services);
}
