import type { UserRole } from '../db/schema';
import type { Services } from '../services';
import { createRouter, type Router } from './env';
import { requireUser, requireUserUnder } from './middleware/auth';

/**
 * `requireUser` on the paths of these routes, for a router whose other routes are public (sign-in, links) or guarded
 * otherwise; routes that share a path (a read and a write of one document) are guarded once.
 */
export function requireUserOn(router: Router, services: Services, ...routes: { getRoutingPath(): string }[]) {
  const guard = requireUser(services);
  for (const path of new Set(routes.map((route) => route.getRoutingPath()))) router.use(path, guard);
}

/** A router whose routes, at `base` and below it, need a signed-in user (of `options.role`, when said). */
export function signedInRouter(services: Services, base: string, options: { role?: UserRole } = {}) {
  const router = createRouter();
  requireUserUnder(router, services, base, options);
  return router;
}
