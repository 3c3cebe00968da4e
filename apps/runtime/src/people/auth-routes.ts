import {
  ChangePasswordAnswer,
  ChangePasswordRequest,
  LinkTokenQuery,
  PASSWORD_RESET_SENT,
  PasswordLinkInfo,
  PasswordResetAnswer,
  PasswordResetRequest,
  SessionUserAnswer,
  SetPasswordRequest,
} from '@flowdesk/contract';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { clientAddress } from '../http/client-address';
import type { AppEnv } from '../http/env';
import {
  assertSameOriginWrite,
  currentUser,
  requireUser,
  SESSION_COOKIE,
  setSessionCookie,
} from '../http/middleware/auth';
import { errorsOf, jsonBody, jsonResponse, routesUnder } from '../http/schemas';
import type { Services } from '../services';
import { spend } from './auth-budgets';
import { acceptInvite, describeInvite } from './invites';
import { changeOwnPassword, describeReset, finishPasswordReset, requestPasswordReset } from './passwords';
import { peopleRouter } from './router';
import { normalizeEmail } from './users';

const linkErrors = errorsOf(400, 403, 409, 429);

const route = routesUnder('/api/auth', 'Auth');
/** A link route's summary and the description of its answer. */
type LinkRouteWords = { summary: string; answer: string };
/** An emailed link's details for its page (invite or reset), or why it cannot be used. */
const linkInfoRoute = <P extends string>(path: P, { summary, answer }: LinkRouteWords) =>
  route('get', path, {
    summary,
    request: { query: LinkTokenQuery },
    responses: { 200: jsonResponse(PasswordLinkInfo, answer), ...errorsOf(400) },
  });
/** Using an emailed link with the chosen password, which signs this browser in. */
const linkUseRoute = <P extends string>(path: P, { summary, answer }: LinkRouteWords) =>
  route('post', path, {
    summary,
    request: { body: jsonBody(SetPasswordRequest) },
    responses: { 200: jsonResponse(SessionUserAnswer, answer), ...linkErrors },
  });

const inviteInfoRoute = linkInfoRoute('/invite', {
  summary: "An invite link's details (who is invited, to which workspace), or why it cannot be used",
  answer: 'The invite',
});
const acceptRoute = linkUseRoute('/invite/accept', {
  summary: 'Accept an invite: choose a password, become a user and sign in (sets the session cookie)',
  answer: 'Signed in',
});
const resetRequestRoute = route('post', '/password-reset', {
  summary: 'Forgot password: email a reset link (valid 1 hour, once) if the address has an account',
  request: { body: jsonBody(PasswordResetRequest) },
  responses: {
    202: jsonResponse(PasswordResetAnswer, 'The same answer whether or not the address has an account'),
    ...errorsOf(400, 403, 429),
  },
});
const resetInfoRoute = linkInfoRoute('/password-reset', {
  summary: "A reset link's details, or why it cannot be used",
  answer: 'The reset link',
});
const resetConfirmRoute = linkUseRoute('/password-reset/confirm', {
  summary: 'Set a new password with a reset link; every session of the user ends, this browser signs in',
  answer: 'Signed in with the new password',
});
const changeRoute = route('post', '/password', {
  summary: 'Change my own password (the current one is required); my other sessions end',
  request: { body: jsonBody(ChangePasswordRequest) },
  responses: { 200: jsonResponse(ChangePasswordAnswer, 'Changed'), ...errorsOf(400, 401, 403, 429) },
});

/** Invite acceptance, forgotten passwords and changing one's own password. */
export function passwordRoutes(services: Services) {
  const router = peopleRouter();
  // Like sign-in (session-routes.ts): budgets per client address and per account (auth-budgets.ts).
  const address = (c: Context<AppEnv>) => clientAddress(c, services.config.TRUST_PROXY);

  /** Spends an invite or reset link (`useLink`) with the chosen password and signs this browser in. */
  const signInWithLink = async (
    c: Context<AppEnv>,
    useLink: typeof acceptInvite | typeof finishPasswordReset,
    { token, password }: { token: string; password: string },
  ) => {
    assertSameOriginWrite(c, services.config);
    await spend(c, services, 'attempts', [['link-address', address(c), 60]]);
    const { user, session } = await useLink(services, token, password);
    setSessionCookie(c, services.config, session);
    return { user };
  };

  router.openapi(inviteInfoRoute, async (c) =>
    c.json(await describeInvite(services.db, c.req.valid('query').token), 200),
  );
  router.openapi(acceptRoute, async (c) => c.json(await signInWithLink(c, acceptInvite, c.req.valid('json')), 200));

  router.openapi(resetRequestRoute, async (c) => {
    assertSameOriginWrite(c, services.config);
    const email = normalizeEmail(c.req.valid('json').email);
    await spend(c, services, 'reset requests', [
      ['reset-address', address(c), 20],
      ['reset-account', email, 3],
    ]);
    // Answered at once either way: the time taken never tells whether the address has an account.
    services.background.run('password reset email', () => requestPasswordReset(services, email));
    return c.json({ message: PASSWORD_RESET_SENT }, 202);
  });
  router.openapi(resetInfoRoute, async (c) =>
    c.json(await describeReset(services.db, c.req.valid('query').token), 200),
  );
  router.openapi(resetConfirmRoute, async (c) =>
    c.json(await signInWithLink(c, finishPasswordReset, c.req.valid('json')), 200),
  );

  router.use(changeRoute.getRoutingPath(), requireUser(services));
  router.openapi(changeRoute, async (c) => {
    const user = currentUser(c);
    await spend(c, services, 'password changes', [['password-change', user.id, 10]]);
    const answer = await changeOwnPassword(services, user.id, c.req.valid('json'), getCookie(c, SESSION_COOKIE));
    await services.limits.reset('password-change', user.id);
    return c.json(answer, 200);
  });
  return router;
}
