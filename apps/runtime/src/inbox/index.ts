import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import type { Services } from '../services';
import { conversationRoutes } from './routes/conversations';
import { workspaceRoutes } from './routes/workspace';
import { routeHandoff } from './routing';
import { summarizeHandoff } from './summary';
import { installSummaryRewrite } from './summary-rewrite';

const installed = new WeakSet<Services>();

/** Handoff hooks: routing and fixed priority in the handoff transaction, AI summary and priority after it. */
export function installInboxHooks(services: Services) {
  if (installed.has(services)) return;
  installed.add(services);
  // First, so later hooks (e.g. "needs attention" emails) see the routed team and assignee.
  services.handoffHooks.onHandoff.unshift(routeHandoff(services));
  services.handoffHooks.afterHandoff.push((conversationId, context) =>
    summarizeHandoff(services, conversationId, context),
  );
  installSummaryRewrite(services);
}

/** Mounts the inbox API and installs its hooks (one line in http/routes/index.ts). */
export function mountInbox(app: OpenAPIHono<AppEnv>, services: Services) {
  installInboxHooks(services);
  app.route('/', conversationRoutes(services));
  app.route('/', workspaceRoutes(services));
}
