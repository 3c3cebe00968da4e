import type { RuntimeModule } from '../modules';
import { botRoutes } from './routes';

/** Bots: each one's name, widget look and settings, and the flow it runs. */
export const botsModule: RuntimeModule = {
  name: 'bots',
  routes: (app, services) => {
    app.route('/', botRoutes(services));
  },
};
