import type { Config } from '../../src/config';
import { perSuite } from '../per-suite';
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
