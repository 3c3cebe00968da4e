import { describe, expect, it } from 'vitest';
import { answeredBy, createAiProvider, DEFAULT_AI_TIMEOUT_MS } from '../../src/ai/index';
import { ConfigError, loadConfig, testConfig } from '../../src/config';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';

/** AI_TIMEOUT_MS: how long an AI call may take before the offline provider answers. */

const openai = fakeOpenAiPerSuite();

describe('AI_TIMEOUT_MS', () => {
  it('defaults to 10 s and is validated', () => {
    expect(loadConfig({}).AI_TIMEOUT_MS).toBe(10_000);
    expect(DEFAULT_AI_TIMEOUT_MS).toBe(10_000);
    expect(testConfig({ AI_TIMEOUT_MS: '2500' }).AI_TIMEOUT_MS).toBe(2_500);
    for (const bad of ['abc', '50', '1.5', '700000']) {
      expect(() => loadConfig({ AI_TIMEOUT_MS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ AI_TIMEOUT_MS: bad }), bad).toThrow(/AI_TIMEOUT_MS/);
    }
  });

  it('bounds each model call: a hung model is answered offline after that long', async () => {
    const { AI_TIMEOUT_MS } = testConfig({ AI_TIMEOUT_MS: '300' });
    const ai = createAiProvider({ apiKey: 'sk-timeout', baseUrl: openai.fake.baseUrl, timeoutMs: AI_TIMEOUT_MS });
    const transcript = [{ author: 'visitor' as const, text: 'I was charged twice for my order' }];
    openai.fake.enqueue({ hang: true }, { hang: true });
    for (const call of [
      () => ai.summarize({ transcript, variables: {} }),
      () => ai.answer({ question: 'Refund time?', instructions: '', knowledge: 'Refunds take 5 days.' }),
    ]) {
      const started = performance.now();
      const result = await call();
      const elapsed = performance.now() - started;
      expect(answeredBy(ai, result)).toBe('offline');
      // The model never answers, so an answer means a bound ended the call: this setting (not before it, and
      // well short of the 10 s default). How far past it is not asserted: a loaded machine only adds time.
      expect(elapsed).toBeGreaterThanOrEqual(280);
      expect(elapsed).toBeLessThan(DEFAULT_AI_TIMEOUT_MS);
    }
  });
});
