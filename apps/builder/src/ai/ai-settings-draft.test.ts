import type { AiSettings } from '@flowdesk/contract';
import { describe, expect, test } from 'vitest';
import {
  draftFrom,
  keyHint,
  NO_KEY_MESSAGE,
  NO_SECRET_MESSAGE,
  saveRequest,
  testOutcome,
  testRequest,
} from './ai-settings-draft';
import { SERVER_DEFAULT_AI } from './test-ai-settings';

const none = SERVER_DEFAULT_AI;
const saved: AiSettings = { ...none, source: 'workspace', provider: 'openai', keySet: true, keyHint: '…7f3a' };
const envKey: AiSettings = { ...none, provider: 'openai', keySet: true, keyHint: '…9999', model: 'gpt-4o' };
const openai = (patch = {}) => ({ ...draftFrom(none), provider: 'openai' as const, ...patch });

describe('draftFrom', () => {
  test('starts from the saved settings with an empty key field and the default model', () => {
    expect(draftFrom(none)).toEqual({ provider: 'offline', apiKey: '', baseUrl: '', model: 'gpt-4o-mini' });
    expect(draftFrom({ ...saved, baseUrl: 'http://x.test/v1', model: 'm' })).toEqual({
      provider: 'openai',
      apiKey: '',
      baseUrl: 'http://x.test/v1',
      model: 'm',
    });
  });
});

describe('saveRequest', () => {
  test('offline sends only the provider (the server drops the key)', () => {
    expect(saveRequest({ ...openai({ apiKey: 'sk-whatever-123' }), provider: 'offline' }, saved)).toEqual({
      ok: true,
      body: { provider: 'offline' },
    });
  });

  test('a typed key is sent trimmed; an empty URL means OpenAI (null)', () => {
    expect(saveRequest(openai({ apiKey: '  sk-new-key-1234 ', model: ' gpt-test ' }), none)).toEqual({
      ok: true,
      body: { provider: 'openai', apiKey: 'sk-new-key-1234', baseUrl: null, model: 'gpt-test' },
    });
  });

  test('an empty key keeps a key saved for the workspace, and is refused when none is', () => {
    expect(saveRequest(openai({ baseUrl: 'http://127.0.0.1:9/v1' }), saved)).toEqual({
      ok: true,
      body: { provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'gpt-4o-mini' },
    });
    expect(saveRequest(openai(), none)).toEqual({ ok: false, errors: { apiKey: NO_KEY_MESSAGE } });
    // The server's environment key is not this workspace's: saving needs a key of its own.
    expect(saveRequest(openai(), envKey)).toEqual({ ok: false, errors: { apiKey: NO_KEY_MESSAGE } });
    // A server without SECRET_KEY cannot take one: said so instead of asking for a key the field refuses.
    expect(saveRequest(openai(), { ...none, canStoreKeys: false })).toEqual({
      ok: false,
      errors: { apiKey: NO_SECRET_MESSAGE },
    });
  });

  test("the contract's rules name the field: short key, bad URL, empty model", () => {
    const result = saveRequest(openai({ apiKey: 'short', baseUrl: 'ftp://x.test', model: '  ' }), saved);
    expect(result).toEqual({
      ok: false,
      errors: {
        apiKey: 'This does not look like an API key',
        baseUrl: 'The endpoint must be an http or https URL',
        model: 'Name the model',
      },
    });
    expect(saveRequest(openai({ baseUrl: 'not a url' }), saved)).toMatchObject({
      errors: { baseUrl: 'Enter the endpoint as a full URL, e.g. https://api.openai.com/v1' },
    });
  });
});

describe('testRequest', () => {
  test('tests with the typed key, or the saved one (the environment key counts) when empty', () => {
    expect(testRequest(openai({ apiKey: 'sk-typed-key-1' }), none)).toEqual({
      ok: true,
      body: { apiKey: 'sk-typed-key-1', baseUrl: null, model: 'gpt-4o-mini' },
    });
    expect(testRequest(openai(), envKey)).toEqual({ ok: true, body: { baseUrl: null, model: 'gpt-4o-mini' } });
    expect(testRequest(openai(), none)).toEqual({ ok: false, errors: { apiKey: 'Enter an API key to test' } });
  });
});

test('keyHint and testOutcome put the facts in words', () => {
  expect(keyHint(saved)).toBe('Key saved …7f3a. Leave empty to keep it, or type a new key to replace it.');
  expect(keyHint(envKey)).toContain("The server's environment key …9999.");
  expect(keyHint(none)).toBe('Stored encrypted on the server and never shown again.');
  expect(keyHint({ ...none, canStoreKeys: false })).toContain('cannot be saved');
  expect(testOutcome({ ok: true, message: 'Connected: gpt-test answered.', latencyMs: 42 })).toBe(
    'Connection OK: Connected: gpt-test answered. (42 ms)',
  );
  expect(testOutcome({ ok: false, message: 'The endpoint refused', latencyMs: 7 })).toBe(
    'Connection failed: The endpoint refused (7 ms)',
  );
});
