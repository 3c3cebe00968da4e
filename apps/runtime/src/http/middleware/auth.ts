import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config';
import type { UserRole } from '../../db/schema';
import { findSessionUser } from '../../people/sessions';
import { toPublicUser } from '../../people/users';
import type { Services } from '../../services';
import type { AppEnv, Router } from '../env';
import { ApiError, forbidden, unauthorized } from '../errors';

export const SESSION_COOKIE = 'fd_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the session cookie (if any) and puts the user on `c.var.user`. Never rejects by itself. */
export function loadSessionUser(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const user = await findSessionUser(services.db, token);
      if (user) c.set('user', toPublicUser(user));
    }
    await next();
  };
}

type OriginConfig = Pick<Config, 'PUBLIC_URL' | 'CORS_ORIGINS' | 'TRUST_PROXY'>;

/**
 * The scheme the browser used. Behind a trusted proxy (`TRUST_PROXY`) that is the last X-Forwarded-Proto hop,
 * the one the proxy in front of us wrote (as the last X-Forwarded-For hop is its address); otherwise the header
 * is ignored, since any client can send it.
 */
export function requestProtocol(c: Context, trustProxy: boolean): 'http:' | 'https:' {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase();
    if (forwarded === 'https' || forwarded === 'http') return `${forwarded}:`;
  }
  return new URL(c.req.url).protocol === 'https:' ? 'https:' : 'http:';
}

/** Whether cookies set for this request must be `Secure`: the browser came over https, or PUBLIC_URL is https. */
export function isHttps(c: Context, config: Pick<Config, 'PUBLIC_URL' | 'TRUST_PROXY'>): boolean {
  return requestProtocol(c, config.TRUST_PROXY) === 'https:' || config.PUBLIC_URL?.startsWith('https:') === true;
}

/** Signs this browser in: the session cookie, HTTP-only, `Secure` where the browser came over https. */
export function setSessionCookie(
  c: Context,
  config: Pick<Config, 'PUBLIC_URL' | 'TRUST_PROXY'>,
  session: { token: string; expiresAt: Date },
) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, config),
    path: '/',
    expires: session.expiresAt,
  });
}

/** Origins allowed to send cookie-authenticated writes: this server (as the browser reached it), PUBLIC_URL and CORS_ORIGINS. */
export function trustedOrigins(c: Context, config: OriginConfig): Set<string> {
  const origins = new Set(config.CORS_ORIGINS);
  const own = new URL(c.req.url);
  origins.add(own.origin);
  if (config.TRUST_PROXY) {
    own.protocol = requestProtocol(c, true);
    origins.add(own.origin);
  }
  if (config.PUBLIC_URL) origins.add(new URL(config.PUBLIC_URL).origin);
  return origins;
}

/**
 * CSRF defence for cookie sessions: a write must come from a trusted Origin, or carry `X-Requested-With`
 * (a header no cross-site form can set, and which cross-origin fetch can only send after our CORS allows it).
 */
export function assertSameOriginWrite(c: Context, config: OriginConfig) {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') {
    if (trustedOrigins(c, config).has(origin)) return;
    throw new ApiError(403, 'csrf', 'Cross-site request refused');
  }
  if (!c.req.header('x-requested-with')) {
    throw new ApiError(403, 'csrf', 'Add the X-Requested-With header to write requests');
  }
}

/** Guards a route: a signed-in user (optionally with a role), and CSRF checks for writes. */
export function requireUser(services: Services, options: { role?: UserRole } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) throw unauthorized();
    assertSameOriginWrite(c, services.config);
    if (options.role && user.role !== options.role) throw forbidden(`Only ${options.role}s may do this`);
    await next();
  };
}

/** `requireUser` on `base` and on every path below it. */
export function requireUserUnder(router: Router, services: Services, base: string, options: { role?: UserRole } = {}) {
  const guard = requireUser(services, options);
  for (const path of [base, `${base}/*`]) router.use(path, guard);
}

/** The signed-in user inside a route guarded by `requireUser`. */
export function currentUser(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!user) throw unauthorized();
  return user;
}

/** The signed-in user, who must be an admin (403 otherwise). */
export function requireAdmin(c: Context<AppEnv>) {
  const user = currentUser(c);
  if (user.role !== 'admin') throw forbidden('Only admins may do this');
  return user;
}
