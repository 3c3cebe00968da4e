import type { RuntimeModule } from '../modules';
import { knowledgePreviewRoutes } from './preview-routes';
import { startKnowledgeRefresh } from './refresh-scheduler';
import { knowledgeRoutes } from './routes';

/** The knowledge base: sources and their preview API, and the scheduled re-indexing (safe on several instances). */
export const knowledgeModule: RuntimeModule = {
  name: 'knowledge',
  routes: (app, services) => {
    app.route('/', knowledgeRoutes(services));
    app.route('/', knowledgePreviewRoutes(services));
  },
  start: (services) => startKnowledgeRefresh(services),
};
