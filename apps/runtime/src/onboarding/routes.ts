import { OnboardingChecklist, OnboardingMarkRequest } from '@flowdesk/contract';
import { currentUser, requireAdmin } from '../http/middleware/auth';
import { adminErrors, errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import { signedInRouter } from '../http/signed-in-routes';
import type { Services } from '../services';
import { readChecklist, recordMark } from './checklist';

const base = '/api/admin/onboarding';

const route = routesUnder(base, 'Onboarding');
/** Reading the checklist and ticking a step both answer the checklist. */
const checklistAnswer = jsonResponse(OnboardingChecklist, 'Checklist');
const getRoute = route('get', '', {
  summary: "The workspace's first-run checklist, ticked from its data",
  responses: { 200: checklistAnswer, ...errorsOf(401) },
});
const markRoute = route('post', '/marks', takes({ body: OnboardingMarkRequest }), {
  summary: 'Record a step the data cannot tell (previewed, embed code copied) or dismiss the checklist (admin)',
  responses: { 200: checklistAnswer, ...adminErrors },
});

/** First-run checklist API. Paths are absolute; mount with `app.route('/', onboardingRoutes(services))`. */
export function onboardingRoutes(services: Services) {
  const router = signedInRouter(services, base);
  const { db } = services;

  router.openapi(getRoute, async (c) => c.json(await readChecklist(db, currentUser(c).workspaceId), 200));

  router.openapi(markRoute, async (c) => {
    const { workspaceId } = requireAdmin(c);
    await recordMark(db, workspaceId, c.req.valid('json').mark);
    return c.json(await readChecklist(db, workspaceId), 200);
  });
  return router;
}
