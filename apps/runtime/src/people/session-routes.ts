import { LoginRequest, ProfilePatch, SessionUserAnswer } from '@flowdesk/contract';
import { deleteCookie, getCookie } from 'hono/cookie';
import { clientAddress } from '../http/client-address';
import { createRouter } from '../http/env';
import { ApiError } from '../http/errors';
import { assertSameOriginWrite, currentUser, SESSION_COOKIE, setSessionCookie } from '../http/middleware/auth';
import { enforce } from '../http/middleware/public-rate-limit';
import { errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import { requireUserOn } from '../http/signed-in-routes';
import { revoke } from '../realtime/revocations';
import type { Services } from '../services';
import { dummyPasswordHash, verifyPassword } from '../services/secrets';
import { spend } from './auth-budgets';
import { LoginThrottle } from './login-throttle';
import { createSession, deleteSession } from './sessions';
import { findUserByEmail, normalizeEmail, toPublicUser, updateOwnProfile } from './users';

const route = routesUnder('/api/auth', 'Auth');
const loginRoute = route('post', '/login', takes({ body: LoginRequest }), {
  summary: 'Sign in with email and password; sets the session cookie',
  responses: { 200: jsonResponse(SessionUserAnswer, 'Signed in'), ...errorsOf(400, 401, 403, 429) },
});

const logoutRoute = route('post', '/logout', {
  summary: 'Sign out; ends the session',
  responses: { 204: { description: 'Signed out' }, ...errorsOf(403) },
});

const meRoute = route('get', '/me', {
  summary: 'The signed-in user',
  responses: { 200: jsonResponse(SessionUserAnswer, 'The user'), ...errorsOf(401) },
});

const updateMeRoute = route('patch', '/me', takes({ body: ProfilePatch }), {
  summary: 'Change my own name or avatar (any signed-in user)',
  responses: { 200: jsonResponse(SessionUserAnswer, 'The updated user'), ...errorsOf(400, 401, 403) },
});

export function sessionRoutes(services: Services) {
  const router = createRouter();
  // Budgets per address and account and per address (in the shared store: one budget across instances),
  // and a delay that slows guessing one account from many addresses.
  const accountDelay = new LoginThrottle(() => services.limits);

  router.openapi(loginRoute, async (c) => {
    assertSameOriginWrite(c, services.config);
    const { email, password } = c.req.valid('json');
    const address = clientAddress(c, services.config.TRUST_PROXY);
    const account = normalizeEmail(email);
    const accountKey = `${address}|${account}`;
    await spend(c, services, 'sign-in attempts', [
      ['login-account', accountKey, 10],
      ['login-address', address, 100],
    ]);
    enforce(c, { wait: await accountDelay.attempt(account), message: 'Too many sign-in attempts' });
    const user = await findUserByEmail(services.db, email);
    const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) throw new ApiError(401, 'invalid_credentials', 'Wrong email or password');
    await Promise.all([services.limits.reset('login-account', accountKey), accountDelay.succeeded(account)]);
    const session = await createSession(services.db, user.id, services.config.SESSION_TTL_HOURS);
    setSessionCookie(c, services.config, session);
    return c.json({ user: toPublicUser(user) }, 200);
  });

  router.openapi(logoutRoute, async (c) => {
    assertSameOriginWrite(c, services.config);
    const token = getCookie(c, SESSION_COOKIE);
    const ended = token ? await deleteSession(services.db, token) : undefined;
    // The session's open sockets close too, on every instance.
    if (ended) revoke(services, { ...ended, reason: 'session_ended' });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  requireUserOn(router, services, meRoute, updateMeRoute);
  router.openapi(meRoute, (c) => c.json({ user: currentUser(c) }, 200));
  router.openapi(updateMeRoute, async (c) => {
    const user = await updateOwnProfile(services.db, currentUser(c).id, c.req.valid('json'));
    return c.json({ user: toPublicUser(user) }, 200);
  });
  return router;
}
