import type { RuntimeModule } from '../modules';
import { aiSettingsRoutes } from './routes';

/** The workspace's own AI provider settings (key kept encrypted) and its connection test. */
export const aiSettingsModule: RuntimeModule = {
  name: 'ai-settings',
  routes: (app, services) => {
    app.route('/', aiSettingsRoutes(services));
  },
};
