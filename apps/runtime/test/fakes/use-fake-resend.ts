import type { Config } from '../../src/config';
import type { DatabaseKind } from '../../src/db/database';
import { perSuite } from '../per-suite';
import { useTestServer } from '../server';
import { type FakeResendServer, startFakeResend } from './resend-server';

/**
 * A fake Resend server for the enclosing suite, and `overrides` set to send through it. Call it before
 * `useTestServer(kind, overrides)`: that reads the overrides when it starts the runtime, after this started.
 */
export function useFakeResend(overrides: Partial<Config>): { readonly current: FakeResendServer } {
  return perSuite(async () => {
    const fake = await startFakeResend();
    Object.assign(overrides, { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: fake.baseUrl });
    return fake;
  });
}

/** A runtime for the enclosing suite (started with `overrides`) and the fake Resend server it sends email to. */
export function useServerWithFakeResend(kind: DatabaseKind, overrides: Partial<Config>) {
  const fake = useFakeResend(overrides);
  return { fake, server: useTestServer(kind, overrides) };
}

/**
 * A runtime sending email through the real `resend` SDK to a fake Resend server (from `useServerWithFakeResend`):
 * its URL, database and fake. Suite harnesses extend it with their workspace and helpers.
 */
export class TestServerWithFakeResend {
  readonly server: ReturnType<typeof useTestServer>;
  readonly #fake: { readonly current: FakeResendServer };

  constructor(running: ReturnType<typeof useServerWithFakeResend>) {
    this.server = running.server;
    this.#fake = running.fake;
  }

  get url() {
    return this.server.current.server.url;
  }

  get db() {
    return this.server.current.database.db;
  }

  get fake() {
    return this.#fake.current;
  }
}
