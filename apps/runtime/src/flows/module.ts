import type { RuntimeModule } from '../modules';
import { flowJsonSchemaRoutes } from './json-schema-route';
import { flowRoutes } from './routes';
import { flowVersionRoutes } from './version-routes';

/** Flows: drafts, the publish check, versions and going live, and the flow document's JSON Schema. */
export const flowsModule: RuntimeModule = {
  name: 'flows',
  routes: (app, services) => {
    app.route('/', flowJsonSchemaRoutes());
    app.route('/', flowRoutes(services));
    app.route('/', flowVersionRoutes(services));
  },
};
