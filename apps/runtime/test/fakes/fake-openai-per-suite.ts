import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/config';
import { type FakeOpenAiServer, startFakeOpenAiServer } from './openai-server';

export interface FakeOpenAiHolder {
  /** The loopback fake OpenAI server; set in beforeAll, so read it inside hooks and tests. */
  readonly fake: FakeOpenAiServer;
  /**
   * Config overrides that send the runtime's OpenAI calls to the fake with `apiKey`: pass them to
   * `useTestServer` *after* this call (its beforeAll runs after the fake has started and filled in the URL).
   */
  readonly config: Partial<Config>;
}

/**
 * Starts a fake OpenAI server for the enclosing describe (or file) before its tests and closes it after them.
 * `apiKey` only names the key `config` hands the runtime.
 */
export function fakeOpenAiPerSuite(apiKey = 'sk-test'): FakeOpenAiHolder {
  let fake: FakeOpenAiServer | undefined;
  const config: Partial<Config> = { OPENAI_API_KEY: apiKey };
  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    config.OPENAI_BASE_URL = fake.baseUrl;
  });
  afterAll(() => fake?.close());
  return {
    get fake() {
      if (!fake) throw new Error('the fake OpenAI server starts in beforeAll');
      return fake;
    },
    config,
  };
}
