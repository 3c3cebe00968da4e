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
import { type AppEnv, createRouter } from '../http/env';
import { assertSameOriginWrite, currentUser, SESSION_COOKIE, setSessionCookie } from '../http/middleware/auth';
import { errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import { requireUserOn } from '../http/signed-in-routes';
import type { Services } from '../services';
import { spend } from './auth-budgets';
import { acceptInvite, describeInvite } from './invites';
import { changeOwnPassword, describeReset, finishPasswordReset, requestPasswordReset } from './passwords';
import { normalizeEmail } from './users';

const linkErrors = errorsOf(400, 403, 409, 429);

const route = routesUnder('/api/auth', 'Auth');
/** A route's summary and the description of its answer. */
type RouteWords = { summary: string; answer: string };
/**
 * The two routes of an emailed link (invite or reset): its details for its page (GET `path`, or why it cannot be
 * used), and using it with the chosen password, which signs this browser in (POST `path` + `usePath`).
 */
const emailedLinkRoutes = (path: string, usePath: string, words: { info: RouteWords; use: RouteWords }) => ({
  info: route('get', path, takes({ query: LinkTokenQuery }), {
    summary: words.info.summary,
    responses: { 200: jsonResponse(PasswordLinkInfo, words.info.answer), ...errorsOf(400) },
  }),
  use: route('post', `${path}${usePath}`, takes({ body: SetPasswordRequest }), {
    summary: words.use.summary,
    responses: { 200: jsonResponse(SessionUserAnswer, words.use.answer), ...linkErrors },
  }),
});

type EmailedLinkRoutes = ReturnType<typeof emailedLinkRoutes>;

const inviteLink = emailedLinkRoutes('/invite', '/accept', {
  info: {
    summary: "An invite link's details (who is invited, to which workspace), or why it cannot be used",
    answer: 'The invite',
  },
  use: {
    summary: 'Accept an invite: choose a password, become a user and sign in (sets the session cookie)',
    answer: 'Signed in',
  },
});
const resetLink = emailedLinkRoutes('/password-reset', '/confirm', {
  info: { summary: "A reset link's details, or why it cannot be used", answer: 'The reset link' },
  use: {
    summary: 'Set a new password with a reset link; every session of the user ends, this browser signs in',
    answer: 'Signed in with the new password',
  },
});
const resetRequestRoute = route('post', '/password-reset', takes({ body: PasswordResetRequest }), {
  summary: 'Forgot password: email a reset link (valid 1 hour, once) if the address has an account',
  responses: {
    202: jsonResponse(PasswordResetAnswer, 'The same answer whether or not the address has an account'),
    ...errorsOf(400, 403, 429),
  },
});
const changeRoute = route('post', '/password', takes({ body: ChangePasswordRequest }), {
  summary: 'Change my own password (the current one is required); my other sessions end',
  responses: { 200: jsonResponse(ChangePasswordAnswer, 'Changed'), ...errorsOf(400, 401, 403, 429) },
});

/** Invite acceptance, forgotten passwords and changing one's own password. */
export function passwordRoutes(services: Services) {
  const router = createRouter();
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

  /** Answers an emailed link's page (`describe`) and its use with the chosen password (`useLink`). */
  const serveLink = (
    link: EmailedLinkRoutes,
    describe: typeof describeInvite | typeof describeReset,
    useLink: typeof acceptInvite | typeof finishPasswordReset,
  ) => {
    router.openapi(link.info, async (c) => c.json(await describe(services.db, c.req.valid('query').token), 200));
    router.openapi(link.use, async (c) => c.json(await signInWithLink(c, useLink, c.req.valid('json')), 200));
  };

  serveLink(inviteLink, describeInvite, acceptInvite);
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
  serveLink(resetLink, describeReset, finishPasswordReset);

  requireUserOn(router, services, changeRoute);
  router.openapi(changeRoute, async (c) => {
    const user = currentUser(c);
    await spend(c, services, 'password changes', [['password-change', user.id, 10]]);
    const answer = await changeOwnPassword(services, user.id, c.req.valid('json'), getCookie(c, SESSION_COOKIE));
    await services.limits.reset('password-change', user.id);
    return c.json(answer, 200);
  });
  return router;
}
