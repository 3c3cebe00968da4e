import type { AiSettings } from '@flowdesk/contract';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { ToastProvider } from '../app/toasts';
import { AiSettingsForm } from './AiSettingsForm';
import { AiProviderCard } from './AiSettingsPage';
import { SERVER_DEFAULT_AI } from './test-ai-settings';

const KEY_TAIL = '…7f3a';
const saved: AiSettings = {
  source: 'workspace',
  provider: 'openai',
  keySet: true,
  keyHint: KEY_TAIL,
  baseUrl: 'http://127.0.0.1:4000/v1',
  model: 'gpt-test',
  canStoreKeys: true,
  updatedAt: '2026-12-05T19:00:00.000Z',
};

const card = (settings: AiSettings) => renderToStaticMarkup(createElement(AiProviderCard, { settings }));
const form = (settings: AiSettings) =>
  renderToStaticMarkup(
    createElement(ToastProvider, null, createElement(AiSettingsForm, { settings, onSaved: () => undefined })),
  );

test('server default: offline NLP, says it comes from the environment and is the default', () => {
  const html = card(SERVER_DEFAULT_AI);
  expect(html).toContain('Active provider: Offline NLP');
  expect(html).toContain('uses the server&#x27;s environment default');
  expect(html).toContain('<code>OPENAI_BASE_URL</code>');
  expect(html).not.toContain('SECRET_KEY');
  const inputs = form(SERVER_DEFAULT_AI);
  expect(inputs).toMatch(/<input[^>]*checked="" value="offline"/);
  expect(inputs).not.toContain('API key'); // no endpoint fields until the admin picks one
  expect(inputs).not.toContain('Test connection');
});

test('saved endpoint: names the model, shows the key hint, never a key value, and the endpoint fields', () => {
  expect(card(saved)).toContain('Active provider: OpenAI-compatible endpoint (model gpt-test)');
  expect(card(saved)).toContain('Saved for this workspace');
  const html = form(saved);
  expect(html).toContain(`Key saved ${KEY_TAIL}. Leave empty to keep it`);
  expect(html).toMatch(/<input[^>]*type="password"[^>]*value=""/);
  expect(html).toContain('placeholder="https://api.openai.com/v1"');
  expect(html).toContain('value="http://127.0.0.1:4000/v1"');
  expect(html).toContain('value="gpt-test"');
  expect(html).toContain('Test connection');
  expect(html).toMatch(/role="status" aria-live="polite"/);
});

test('no server secret: explains SECRET_KEY and disables the key field', () => {
  const settings = { ...saved, keySet: false, keyHint: null, canStoreKeys: false };
  expect(card(settings)).toContain('set <code>SECRET_KEY</code> (32 characters or more)');
  expect(form(settings)).toMatch(/<input[^>]*type="password"[^>]*disabled=""/);
});
