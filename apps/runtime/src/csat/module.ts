import { publicUrlOf } from '../email';
import type { RuntimeModule } from '../modules';
import { queueRatingEmail } from './email';
import { csatRoutes } from './routes';

/** CSAT: the rating API and pages, and a rating email when an agent resolves a visitor's conversation. */
export const csatModule: RuntimeModule = {
  name: 'csat',
  hooks: {
    onResolved: async (services, tx) => {
      await queueRatingEmail(services, tx, { publicUrl: publicUrlOf(services.config), now: new Date() });
    },
  },
  routes: (app, services) => {
    app.route('/', csatRoutes(services));
  },
};
