import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Services } from '../../services';
import type { AppEnv } from '../env';
import { aiRoutes } from './admin/ai';
import { botRoutes } from './admin/bots';
import { flowVersionRoutes } from './admin/flow-versions';
import { flowRoutes } from './admin/flows';
import { sessionRoutes } from './auth/session';
import { publicConversationRoutes } from './public/conversations';
import { sessionRoutes as publicSessionRoutes } from './public/sessions';
import { publicVisitorRoutes } from './public/visitor';
import { publicWidgetRoutes } from './public/widget';
import { demoRoutes } from './system/demo';
import { flowJsonSchemaRoutes } from './system/flow-json-schema';
import { healthRoutes } from './system/health';
import { staticRoutes } from './system/static';

/** Every core route file is mounted here, one line each; the feature modules mount theirs. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, services: Services) {
  app.route('/', healthRoutes(services));
  app.route('/', flowJsonSchemaRoutes());
  app.route('/', sessionRoutes(services));
  app.route('/', botRoutes(services));
  app.route('/', aiRoutes(services));
  app.route('/', flowRoutes(services));
  app.route('/', flowVersionRoutes(services));
  app.route('/', publicSessionRoutes(services));
  app.route('/', publicConversationRoutes(services));
  app.route('/', publicVisitorRoutes(services));
  app.route('/', publicWidgetRoutes(services));
  app.route('/', demoRoutes(services));
  app.route('/', staticRoutes(services.config));
  // The feature areas' own routes (areas.ts), in its order.
  for (const module of services.modules) module.routes?.(app, services);
}
