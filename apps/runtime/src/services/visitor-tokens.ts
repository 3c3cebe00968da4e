import DataLoader from 'dataloader';
import {
  findScopedVisitorAndBotOrigins,
  findVisitorsAndBotOrigins,
  type VisitorWithOrigins,
} from '../repositories/visitors';
import type { Services } from '.';

const loaders = new WeakMap<Services, DataLoader<string, VisitorWithOrigins | undefined>>();

/**
 * The visitor behind a widget token. Lookups that arrive in the same turn of the event loop (a burst of
 * visitor requests) are one query (DataLoader batching, scheduled after the turn's I/O); nothing is
 * cached between turns, so a revoked or deleted visitor is refused at once. A token that is not a
 * visitor's own (a link token scoped to one conversation) is looked up on its own.
 */
export function visitorByToken(services: Services, token: string): Promise<VisitorWithOrigins | undefined> {
  let loader = loaders.get(services);
  if (!loader) {
    loader = new DataLoader(
      async (tokens) => {
        const found = await findVisitorsAndBotOrigins(services.db, tokens);
        return Promise.all(
          tokens.map((token) => found.get(token) ?? findScopedVisitorAndBotOrigins(services.db, token)),
        );
      },
      { cache: false, maxBatchSize: 100, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
    );
    loaders.set(services, loader);
  }
  return loader.load(token);
}
