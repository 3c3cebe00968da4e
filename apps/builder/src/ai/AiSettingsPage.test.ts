import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { AiProviderCard } from './AiSettingsPage';

const render = (status: Parameters<typeof AiProviderCard>[0]['status']) =>
  renderToStaticMarkup(createElement(AiProviderCard, { status }));

test('offline: names the offline NLP provider and how to switch', () => {
  const html = render({ provider: 'offline', model: null });
  expect(html).toContain('Active provider: Offline NLP');
  expect(html).toContain('No API key is set');
  expect(html).toContain('<code>OPENAI_API_KEY</code>');
  expect(html).not.toContain('model ');
});

test('openai: names the endpoint kind and the model', () => {
  const html = render({ provider: 'openai', model: 'gpt-4o-mini' });
  expect(html).toContain('Active provider: OpenAI-compatible endpoint (model gpt-4o-mini)');
  expect(html).toContain('falls back to the offline provider');
});
