import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { enforce } from '../http/middleware/public-rate-limit';
import type { Services } from '../services';

/** The window every sign-in and password budget is counted over. */
const WINDOW_MS = 15 * 60_000;

/** A budget: its bucket, the key it counts (an address, an account…) and the hits allowed per window. */
export type Budget = [bucket: string, key: string, limit: number];

/**
 * Counts one hit of each budget in the shared store (one budget across instances); any spent budget answers 429
 * `Too many <what>`, with the longest wait.
 */
export async function spend(c: Context<AppEnv>, services: Services, what: string, budgets: Budget[]) {
  const waits = await Promise.all(
    budgets.map(([bucket, key, limit]) => services.limits.hit(bucket, key, limit, WINDOW_MS)),
  );
  enforce(c, { wait: Math.max(...waits), message: `Too many ${what}` });
}
