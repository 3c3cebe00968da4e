import { InviteRequest, InviteResponse, InvitesResponse } from '@flowdesk/contract';
import { currentUser } from '../http/middleware/auth';
import { adminErrors, errorsOf, IdParam, jsonResponse, routesUnder, takes } from '../http/schemas';
import { signedInRouter } from '../http/signed-in-routes';
import type { Services } from '../services';
import { createInvite, listInvites, resendInvite, revokeInvite } from './invites';

const route = routesUnder('/api/admin/invites', 'Users and teams (admin)');
const listRoute = route('get', '', {
  summary: 'People invited by email who have not set their password yet',
  responses: { 200: jsonResponse(InvitesResponse, 'Open invites'), ...errorsOf(401, 403) },
});

const createInviteRoute = route('post', '', takes({ body: InviteRequest }), {
  summary: 'Invite a person by email (they choose their password through a link valid 72 hours, once)',
  responses: { 201: jsonResponse(InviteResponse, 'Invited; the email is queued'), ...adminErrors, ...errorsOf(409) },
});

const resendRoute = route('post', '/{id}/resend', takes({ params: IdParam }), {
  summary: 'Send the invite again with a new link (the previous link stops working)',
  responses: { 200: jsonResponse(InviteResponse, 'Sent again'), ...errorsOf(401, 403, 404) },
});

const revokeRoute = route('delete', '/{id}', takes({ params: IdParam }), {
  summary: 'Withdraw an invite (its link stops working)',
  responses: { 204: { description: 'Withdrawn' }, ...errorsOf(401, 403, 404) },
});

/** Admins invite people by email, see who is still invited, resend or withdraw. */
export function inviteRoutes(services: Services) {
  const router = signedInRouter(services, '/api/admin/invites', { role: 'admin' });
  const inviter = (c: Parameters<typeof currentUser>[0]) => {
    const user = currentUser(c);
    return { id: user.id, name: user.name, workspaceId: user.workspaceId };
  };
  router.openapi(listRoute, async (c) =>
    c.json({ invites: await listInvites(services.db, currentUser(c).workspaceId) }, 200),
  );
  router.openapi(createInviteRoute, async (c) =>
    c.json({ invite: await createInvite(services, inviter(c), c.req.valid('json')) }, 201),
  );
  router.openapi(resendRoute, async (c) =>
    c.json({ invite: await resendInvite(services, inviter(c), c.req.valid('param').id) }, 200),
  );
  router.openapi(revokeRoute, async (c) => {
    await revokeInvite(services.db, currentUser(c).workspaceId, c.req.valid('param').id);
    return c.body(null, 204);
  });
  return router;
}
