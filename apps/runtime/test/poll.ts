/**
 * Asks `read` every `everyMs` until `done` holds for what it returned, and resolves with that (a wait on a
 * condition, never a fixed sleep); fails after `timeoutMs`, saying `failure(the last value)`.
 */
export async function poll<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs: number,
  failure: (last: T) => string = () => `condition never held in ${timeoutMs} ms`,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(failure(value));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Resolves once `check` holds, asking again every `everyMs`; fails after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000, everyMs = 50): Promise<void> {
  await poll(check, Boolean, timeoutMs, everyMs);
}

/** Polls `probe` until it returns a value (not undefined), and resolves with it; fails after `timeoutMs`. */
export function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  return poll(probe, (value) => value !== undefined, timeoutMs, 50) as Promise<T>;
}

type Falsy = false | null | undefined;
/** Polls until `read` returns something truthy, and resolves with it; fails after `timeoutMs`. */
export function eventually<T>(read: () => Promise<T | Falsy> | T | Falsy, timeoutMs = 20_000): Promise<T> {
  return poll(read, Boolean, timeoutMs, 50) as Promise<T>;
}
