import { normalizeOrigin } from '@flowdesk/contract';
import type { Context, MiddlewareHandler } from 'hono';
import type { Bot } from '../../db/schema';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

const ALLOW_HEADERS = 'Content-Type, Authorization';
const ALLOW_METHODS = 'GET, POST, PATCH, OPTIONS';

/**
 * CORS for the public widget API. Visitors authenticate with a bearer token, never cookies, so
 * preflights are answered for any origin; the real request is then checked against the bot's allowed
 * origins (`checkBotOrigin`) and only an allowed origin gets Access-Control-Allow-Origin.
 */
export function publicCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      if (!origin) return c.body(null, 204);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? ALLOW_HEADERS,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    await next();
    if (origin && c.get('originAllowed') !== false) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      if (!/\borigin\b/i.test(c.res.headers.get('vary') ?? '')) c.res.headers.append('Vary', 'Origin');
    }
  };
}

/** One origin rule, shared with the bots API that stores allowed origins (packages/contract). */
export { normalizeOrigin };

export function isOriginAllowed(bot: Pick<Bot, 'allowed_origins'>, origin: string | undefined) {
  if (!origin) return true;
  if (bot.allowed_origins.includes('*')) return true;
  const wanted = normalizeOrigin(origin);
  // Saved values are normalised when saved; older rows are normalised here too.
  return bot.allowed_origins.some((allowed) => allowed === wanted || normalizeOrigin(allowed) === wanted);
}

/** Refuses a browser request from a site the bot is not embedded on. */
export function checkBotOrigin(c: Context<AppEnv>, bot: Pick<Bot, 'allowed_origins'>) {
  if (isOriginAllowed(bot, c.req.header('origin'))) return;
  c.set('originAllowed', false);
  throw new ApiError(403, 'origin_not_allowed', 'This bot is not enabled on this website');
}
