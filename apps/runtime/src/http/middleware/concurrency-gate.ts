import type { MiddlewareHandler } from 'hono';

/**
 * Lets at most `limit` requests (those `applies` picks) run at once; the others wait their turn, first come first
 * served, before any of their own work starts. Node accepts one new connection per turn of the event loop, so
 * during a burst of 200 visitor messages each turn used to run a slice of every message in flight and a probe or
 * a page load waited behind all of them; with a few at a time each turn is short (bench/runtime/slow-effects.ts).
 * The work itself is not slower: it was already bound by the one thread and the database's connections.
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
