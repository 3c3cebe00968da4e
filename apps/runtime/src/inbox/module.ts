import type { RuntimeModule } from '../modules';
import { conversationRoutes } from './routes/conversations';
import { workspaceRoutes } from './routes/workspace';
import { routeHandoff } from './routing';
import { startSummaryRecovery, summarizeHandoff } from './summary';
import { installSummaryRewrite, rewriteAfterVisitorMessage, rewriteOnContactCaptured } from './summary-rewrite';

/**
 * The inbox: its API; routing and fixed priority in the handoff transaction, AI summary and priority after
 * it (rewritten while the visitor keeps writing); recovery of summaries lost in a crash.
 */
export const inboxModule: RuntimeModule = {
  name: 'inbox',
  hooks: {
    onHandoff: (services, tx, context) => routeHandoff(services)(tx, context),
    afterHandoff: (services, conversationId, context) => summarizeHandoff(services, conversationId, context),
    afterVisitorMessage: rewriteAfterVisitorMessage,
    onContactCaptured: rewriteOnContactCaptured,
  },
  init: (services) => {
    installSummaryRewrite(services);
  },
  routes: (app, services) => {
    app.route('/', conversationRoutes(services));
    app.route('/', workspaceRoutes(services));
  },
  start: (services) => startSummaryRecovery(services),
};
