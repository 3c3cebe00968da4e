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
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { clientAddress } from '../http/client-address';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { assertSameOriginWrite, currentUser, isHttps, requireUser, SESSION_COOKIE } from '../http/middleware/auth';
import { errors, jsonBody, jsonResponse } from '../http/schemas';
import { normalizeEmail } from '../repositories/users';
import type { Services } from '../services';
import { RateLimiter } from '../services/rate-limiter';
import { acceptInvite, describeInvite } from './invites';
import { changeOwnPassword, describeReset, finishPasswordReset, requestPasswordReset } from './passwords';
import { peopleRouter } from './router';

const tags = ['Auth'];
const linkErrors = { 400: errors[400], 403: errors[403], 409: errors[409], 429: errors[429] };

const inviteInfoRoute = createRoute({
  method: 'get',
  path: '/api/auth/invite',
  tags,
  summary: "An invite link's details (who is invited, to which workspace), or why it cannot be used",
  request: { query: LinkTokenQuery },
  responses: { 200: jsonResponse(PasswordLinkInfo, 'The invite'), 400: errors[400] },
});
const acceptRoute = createRoute({
  method: 'post',
  path: '/api/auth/invite/accept',
  tags,
  summary: 'Accept an invite: choose a password, become a user and sign in (sets the session cookie)',
  request: { body: jsonBody(SetPasswordRequest) },
  responses: { 200: jsonResponse(SessionUserAnswer, 'Signed in'), ...linkErrors },
});
const resetRequestRoute = createRoute({
  method: 'post',
  path: '/api/auth/password-reset',
  tags,
  summary: 'Forgot password: email a reset link (valid 1 hour, once) if the address has an account',
  request: { body: jsonBody(PasswordResetRequest) },
  responses: {
    202: jsonResponse(PasswordResetAnswer, 'The same answer whether or not the address has an account'),
    400: errors[400],
    403: errors[403],
    429: errors[429],
  },
});
const resetInfoRoute = createRoute({
  method: 'get',
  path: '/api/auth/password-reset',
  tags,
  summary: "A reset link's details, or why it cannot be used",
  request: { query: LinkTokenQuery },
  responses: { 200: jsonResponse(PasswordLinkInfo, 'The reset link'), 400: errors[400] },
});
const resetConfirmRoute = createRoute({
  method: 'post',
  path: '/api/auth/password-reset/confirm',
  tags,
  summary: 'Set a new password with a reset link; every session of the user ends, this browser signs in',
  request: { body: jsonBody(SetPasswordRequest) },
  responses: { 200: jsonResponse(SessionUserAnswer, 'Signed in with the new password'), ...linkErrors },
});
const changeRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags,
  summary: 'Change my own password (the current one is required); my other sessions end',
  request: { body: jsonBody(ChangePasswordRequest) },
  responses: {
    200: jsonResponse(ChangePasswordAnswer, 'Changed'),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    429: errors[429],
  },
});

const WINDOW_MS = 15 * 60_000;

function tooMany(c: Context<AppEnv>, wait: number, what: string): never {
  c.header('Retry-After', String(Math.ceil(wait / 1000)));
  throw new ApiError(429, 'rate_limited', `Too many ${what}, try again later`);
}

/** Invite acceptance, forgotten passwords and changing one's own password. */
export function passwordRoutes(services: Services) {
  const router = peopleRouter();
  // Like sign-in (auth/session.ts): budgets per client address and per account, counted per instance.
  const resetPerAddress = new RateLimiter(20, WINDOW_MS);
  const resetPerAccount = new RateLimiter(3, WINDOW_MS);
  const linkPerAddress = new RateLimiter(60, WINDOW_MS);
  const changePerUser = new RateLimiter(10, WINDOW_MS);
  const address = (c: Context<AppEnv>) => clientAddress(c, services.config.TRUST_PROXY);

  const signIn = (c: Context<AppEnv>, session: { token: string; expiresAt: Date }) =>
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c, services.config),
      path: '/',
      expires: session.expiresAt,
    });
  const guardLinkUse = (c: Context<AppEnv>) => {
    assertSameOriginWrite(c, services.config);
    const wait = linkPerAddress.hit(address(c));
    if (wait > 0) tooMany(c, wait, 'attempts');
  };

  router.openapi(inviteInfoRoute, async (c) =>
    c.json(await describeInvite(services.db, c.req.valid('query').token), 200),
  );
  router.openapi(acceptRoute, async (c) => {
    guardLinkUse(c);
    const { token, password } = c.req.valid('json');
    const { user, session } = await acceptInvite(services, token, password);
    signIn(c, session);
    return c.json({ user }, 200);
  });

  router.openapi(resetRequestRoute, async (c) => {
    assertSameOriginWrite(c, services.config);
    const email = normalizeEmail(c.req.valid('json').email);
    const wait = Math.max(resetPerAddress.hit(address(c)), resetPerAccount.hit(email));
    if (wait > 0) tooMany(c, wait, 'reset requests');
    // Answered at once either way: the time taken never tells whether the address has an account.
    services.background.run('password reset email', () => requestPasswordReset(services, email));
    return c.json({ message: PASSWORD_RESET_SENT }, 202);
  });
  router.openapi(resetInfoRoute, async (c) =>
    c.json(await describeReset(services.db, c.req.valid('query').token), 200),
  );
  router.openapi(resetConfirmRoute, async (c) => {
    guardLinkUse(c);
    const { token, password } = c.req.valid('json');
    const { user, session } = await finishPasswordReset(services, token, password);
    signIn(c, session);
    return c.json({ user }, 200);
  });

  router.use(changeRoute.getRoutingPath(), requireUser(services));
  router.openapi(changeRoute, async (c) => {
    const user = currentUser(c);
    const wait = changePerUser.hit(user.id);
    if (wait > 0) tooMany(c, wait, 'password changes');
    const answer = await changeOwnPassword(services, user.id, c.req.valid('json'), getCookie(c, SESSION_COOKIE));
    changePerUser.reset(user.id);
    return c.json(answer, 200);
  });
  return router;
}
