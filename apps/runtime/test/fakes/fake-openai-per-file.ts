import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createOpenAiProvider } from '../../src/ai/openai/openai-provider';
import type { AiProvider } from '../../src/ai/provider';
import { type FakeOpenAiServer, startFakeOpenAiServer } from './openai-server';

/**
 * The file's loopback fake OpenAI server and the real LangChain provider pointed at it (started once, its
 * recorded requests cleared before each test). Read `fake` and `ai` inside tests: they are set in beforeAll.
 */
export function fakeOpenAiPerFile(apiKey = 'sk-test'): { readonly fake: FakeOpenAiServer; readonly ai: AiProvider } {
  let fake: FakeOpenAiServer | undefined;
  let ai: AiProvider | undefined;
  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    ai = createOpenAiProvider({ apiKey, baseUrl: fake.baseUrl, model: 'gpt-test' });
  });
  afterAll(() => fake?.close());
  beforeEach(() => {
    if (fake) fake.requests.length = 0;
  });
  return {
    get fake() {
      if (!fake) throw new Error('the fake OpenAI server starts in beforeAll');
      return fake;
    },
    get ai() {
      if (!ai) throw new Error('the provider is made in beforeAll');
      return ai;
    },
  };
}
