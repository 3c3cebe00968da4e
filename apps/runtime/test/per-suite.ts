import { afterAll, beforeAll } from 'vitest';

/**
 * Something the enclosing suite starts before its tests and closes after them (a fake server, a Redis
 * process, a proxy). `current` is set in beforeAll: read it inside hooks and tests. Register it before
 * `useInstances`/`useTestServer` when their config reads it: afterAll hooks run in reverse, so it then closes
 * after the servers using it.
 */
export function perSuite<T extends { close(): unknown }>(start: () => Promise<T>): { readonly current: T } {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get current() {
      if (!started) throw new Error('started in beforeAll: read it inside hooks and tests');
      return started;
    },
  };
}
