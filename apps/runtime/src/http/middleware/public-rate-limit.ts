import type { Context, MiddlewareHandler } from 'hono';
import type { Services } from '../../services';
import type { RateVerdict } from '../../services/public-rate-limits';
import { clientAddress } from '../client-address';
import { ApiError } from '../errors';
import { bearerToken } from './visitor-auth';

/** How long to wait, in words: seconds up to two minutes, then whole minutes (rounded up). */
export const waitInWords = (seconds: number) => (seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`);

/** Throws the 429 for a spent budget, with Retry-After and a message that says which budget and how long. */
export function enforce(c: Context, verdict: RateVerdict): void {
  if (verdict.wait === 0) return;
  const seconds = Math.max(1, Math.ceil(verdict.wait / 1000));
  c.header('Retry-After', String(seconds));
  throw new ApiError(429, 'rate_limited', `${verdict.message}; try again in ${waitInWords(seconds)}`, {
    retryAfterSeconds: seconds,
  });
}

/** Request budgets of `/api/public/*` (per client address and per visitor token). */
export function publicRateLimit(services: Services): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'OPTIONS') {
      const address = clientAddress(c, services.config.TRUST_PROXY);
      enforce(c, await services.publicLimits.request(address, bearerToken(c)));
    }
    await next();
  };
}
