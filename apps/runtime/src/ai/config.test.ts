import { describe, expect, it } from 'vitest';
import { aiConfigFromEnv } from './config';

describe('aiConfigFromEnv', () => {
  it('reads the OpenAI settings and the timeout', () => {
    expect(
      aiConfigFromEnv({
        OPENAI_API_KEY: 'sk-1',
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
        OPENAI_MODEL: 'gpt-x',
        AI_TIMEOUT_MS: '2500',
      }),
    ).toEqual({ apiKey: 'sk-1', baseUrl: 'http://127.0.0.1:9/v1', model: 'gpt-x', timeoutMs: 2500 });
  });

  it('treats blank values as unset (offline mode)', () => {
    expect(aiConfigFromEnv({ OPENAI_API_KEY: '  ', OPENAI_BASE_URL: '', AI_TIMEOUT_MS: '' })).toEqual({
      apiKey: undefined,
      baseUrl: undefined,
      model: undefined,
      timeoutMs: undefined,
    });
  });

  it('rejects a malformed base URL or timeout', () => {
    expect(() => aiConfigFromEnv({ OPENAI_BASE_URL: 'not a url' })).toThrow();
    expect(() => aiConfigFromEnv({ AI_TIMEOUT_MS: '5' })).toThrow();
  });
});
