import type { RuntimeModule } from '../modules';
import { auditAdminActions } from './middleware';
import { auditRoutes } from './routes';

/** Audit log: every admin action recorded by middleware in front of the API, read by admins. */
export const auditModule: RuntimeModule = {
  name: 'audit',
  middleware: (app, services) => {
    app.use('/api/*', auditAdminActions(services));
  },
  routes: (app, services) => {
    app.route('/', auditRoutes(services));
  },
};
