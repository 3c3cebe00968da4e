import type { RuntimeModule } from '../modules';
import { startPeriodic } from '../services/periodic';
import { rollBlockFigures } from './block-rollup';
import { analyticsRoutes } from './routes';

/**
 * Analytics: the overview, people, block figures and CSV export. Its facts are written by the core in the
 * transaction of the change they describe (analytics/facts.ts); the worker rolls queued conversations into the
 * per-day block figures (block-rollup.ts) so a read finds little left to roll.
 */
export const analyticsModule: RuntimeModule = {
  name: 'analytics',
  routes: (app, services) => {
    app.route('/', analyticsRoutes(services));
  },
  start: (services) =>
    startPeriodic(services, { name: 'block figures roll', intervalMs: 10_000 }, () => rollBlockFigures(services.db)),
};
