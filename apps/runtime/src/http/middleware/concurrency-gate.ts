import type { MiddlewareHandler } from 'hono';

/**
 * Lets at most `limit` requests (those `applies` picks) run at once; the others wait their turn, first come first
 * served, before any of their own work starts: a bound on the work one instance takes on at once. A low limit also
 * keeps each turn of the event loop short during a burst (a turn runs a slice of every request in flight), at the
 * price of finishing the burst later (bench/runtime/slow-effects.ts).
 */
export function concurrencyGate(
  limit: number,
  applies: (request: { method: string; path: string }) => boolean = () => true,
): MiddlewareHandler {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    // The freed place passes straight to the next in line, so a newcomer cannot overtake it.
    if (next) next();
    else running--;
  };
  return async (c, next) => {
    if (!applies({ method: c.req.method, path: c.req.path })) return next();
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      await next();
    } finally {
      release();
    }
  };
}
