import type { RuntimeModule } from '../modules';
import { analyticsRoutes } from './routes';

/**
 * Analytics: the overview, people, block figures and CSV export. Its facts are written by the core in the
 * transaction of the change they describe (analytics/facts.ts), so this module only reads.
 */
export const analyticsModule: RuntimeModule = {
  name: 'analytics',
  routes: (app, services) => {
    app.route('/', analyticsRoutes(services));
  },
};
