import type { RuntimeModule } from '../modules';
import { aiSettingsRoutes } from './routes';
import { aiRoutes } from './status-routes';

/** Which AI provider answers, the workspace's own provider settings (key kept encrypted), its connection test. */
export const aiSettingsModule: RuntimeModule = {
  name: 'ai-settings',
  routes: (app, services) => {
    app.route('/', aiRoutes(services));
    app.route('/', aiSettingsRoutes(services));
  },
};
