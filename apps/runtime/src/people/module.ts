import type { RuntimeModule } from '../modules';
import { inviteRoutes } from './admin-routes';
import { passwordRoutes } from './auth-routes';
import { sessionRoutes } from './session-routes';

/** People: signing in and out, invites by email, forgotten passwords, changing one's own password. */
export const peopleModule: RuntimeModule = {
  name: 'people',
  routes: (app, services) => {
    app.route('/', sessionRoutes(services));
    app.route('/', inviteRoutes(services));
    app.route('/', passwordRoutes(services));
  },
};
