import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './http/env';
import { handleError, sendError } from './http/errors';
import { loadSessionUser } from './http/middleware/auth';
import { concurrencyGate } from './http/middleware/concurrency-gate';
import { dashboardCors } from './http/middleware/cors';
import { boundJsonDepth } from './http/middleware/json-depth';
import { publicCors } from './http/middleware/public-cors';
import { publicRateLimit } from './http/middleware/public-rate-limit';
import { requestLog } from './http/middleware/request-log';
import { registerRoutes } from './http/routes';
import { docsRoutes } from './http/routes/system/docs';
import { KNOWLEDGE_UPLOAD_PATH, knowledgeUploadBodyLimit } from './knowledge/routes';
import { realtimeRoutes } from './realtime/ws-route';
import type { Services } from './services';

export const OPENAPI_INFO = {
  title: 'Flowdesk',
  version: '1.0.0',
  description: 'Chatbot flows, live chat and human handoff: public widget API, admin API and inbox API.',
};

/** The whole HTTP surface. Tests call `app.request()` on it; the server mounts it with WebSockets. */
export function createApp(services: Services) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError(services.logger));
  app.notFound((c) => sendError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}`));
  app.use(requestId());
  app.use(requestLog(services.logger));
  const globalBodyLimit = bodyLimit({
    maxSize: services.config.BODY_LIMIT,
    onError: (c) => {
      // The unread rest of the body makes this connection unusable for a next request.
      c.header('Connection', 'close');
      return sendError(c, 413, 'payload_too_large', `Request body is larger than ${services.config.BODY_LIMIT} bytes`);
    },
  });
  // Knowledge file uploads carry their own, larger bound (knowledge/routes.ts); every other body keeps this one.
  app.use((c, next) =>
    c.req.path === KNOWLEDGE_UPLOAD_PATH ? knowledgeUploadBodyLimit(c, next) : globalBodyLimit(c, next),
  );
  // After CORS, so a browser can read the 429; the gate after the rate limit, so a refusal never waits in line.
  app.use(
    '/api/public/*',
    publicCors(),
    publicRateLimit(services),
    concurrencyGate(services.config.PUBLIC_WRITES_IN_FLIGHT, ({ method }) => method === 'POST'),
  );
  app.use('/api/*', dashboardCors(services.config), loadSessionUser(services));
  app.use('/api/*', boundJsonDepth());
  for (const module of services.modules) module.middleware?.(app, services);
  app.openAPIRegistry.registerComponent('securitySchemes', 'visitorToken', { type: 'http', scheme: 'bearer' });
  registerRoutes(app, services);
  const realtime = realtimeRoutes(services);
  app.get(realtime.path, ...realtime.middleware);
  // Built once, on first request (every route is registered by then): it takes ~70 ms of CPU to build.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  const getDocument = () => {
    document ??= app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO });
    return document;
  };
  app.route('/', docsRoutes(getDocument));
  return app;
}

export type App = ReturnType<typeof createApp>;
