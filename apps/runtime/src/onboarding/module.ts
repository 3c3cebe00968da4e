import type { RuntimeModule } from '../modules';
import { onboardingRoutes } from './routes';

/** The workspace's first-run checklist, ticked from its data. */
export const onboardingModule: RuntimeModule = {
  name: 'onboarding',
  routes: (app, services) => {
    app.route('/', onboardingRoutes(services));
  },
};
