import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslate, DEFAULT_STRINGS } from './strings';

describe('createTranslate', () => {
  it('uses defaults and fills placeholders', () => {
    const t = createTranslate();
    expect(t('send')).toBe(DEFAULT_STRINGS.send);
    expect(t('typing', { name: 'Ana' })).toBe('Ana is typing…');
    expect(t('agentJoined', { name: 'Sam' })).toBe('Sam joined the conversation');
    expect(t('replyTime')).toBe('Usually replies in {time}');
  });

  it('lets bot settings and then page config override strings (another language)', () => {
    const t = createTranslate({ send: 'Envoyer', placeholder: 'Votre message' }, { send: 'Senden' });
    expect(t('send')).toBe('Senden');
    expect(t('placeholder')).toBe('Votre message');
  });

  it('treats an empty override as none (the dashboard clears a text that way)', () => {
    const t = createTranslate({ send: 'Envoyer', retry: '' }, { send: '' });
    expect(t('send')).toBe('Envoyer');
    expect(t('retry')).toBe(DEFAULT_STRINGS.retry);
  });

  it('has no key that the widget never shows', () => {
    const src = join(import.meta.dirname, '..');
    const code = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('strings.ts'))
      .map((file) => readFileSync(join(src, file), 'utf8'))
      .join('\n');
    const unused = Object.keys(DEFAULT_STRINGS).filter(
      (key) => !new RegExp(`['"]${key}['"]|strings\\.${key}\\b`).test(code),
    );
    expect(unused).toEqual([]);
  });
});
