import { describe, expect, it } from 'vitest';
import { createTranslate, DEFAULT_STRINGS } from './strings';

describe('createTranslate', () => {
  it('uses defaults and fills placeholders', () => {
    const t = createTranslate();
    expect(t('send')).toBe(DEFAULT_STRINGS.send);
    expect(t('typing', { name: 'Ana' })).toBe('Ana is typing…');
    expect(t('replyTime')).toBe('Usually replies in {time}');
  });

  it('lets bot settings and then page config override strings (another language)', () => {
    const t = createTranslate({ send: 'Envoyer', placeholder: 'Votre message' }, { send: 'Senden' });
    expect(t('send')).toBe('Senden');
    expect(t('placeholder')).toBe('Votre message');
  });
});
