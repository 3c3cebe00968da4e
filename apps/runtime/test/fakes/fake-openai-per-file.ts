import { beforeAll, beforeEach } from 'vitest';
import { createOpenAiProvider } from '../../src/ai/openai/openai-provider';
import type { AiProvider } from '../../src/ai/provider';
import { fakeOpenAiPerSuite } from './fake-openai-per-suite';
import type { FakeOpenAiServer } from './openai-server';

/**
 * The file's loopback fake OpenAI server and the real LangChain provider pointed at it (started once, its
 * recorded requests cleared before each test). Read `fake` and `ai` inside tests: they are set in beforeAll.
 */
export function fakeOpenAiPerFile(apiKey = 'sk-test'): { readonly fake: FakeOpenAiServer; readonly ai: AiProvider } {
  const openai = fakeOpenAiPerSuite(apiKey);
  let ai: AiProvider | undefined;
  beforeAll(() => {
    ai = createOpenAiProvider({ apiKey, baseUrl: openai.fake.baseUrl, model: 'gpt-test' });
  });
  beforeEach(() => {
    openai.fake.requests.length = 0;
  });
  return {
    get fake() {
      return openai.fake;
    },
    get ai() {
      if (!ai) throw new Error('the provider is made in beforeAll');
      return ai;
    },
  };
}
