import type { RuntimeModule } from '../modules';
import { inviteRoutes } from './admin-routes';
import { passwordRoutes } from './auth-routes';

/** People: invites by email, forgotten passwords, changing one's own password. */
export const peopleModule: RuntimeModule = {
  name: 'people',
  routes: (app, services) => {
    app.route('/', inviteRoutes(services));
    app.route('/', passwordRoutes(services));
  },
};
