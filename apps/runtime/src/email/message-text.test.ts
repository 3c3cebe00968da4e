import { describe, expect, it } from 'vitest';
import { messageText } from './message-text';

describe('messageText', () => {
  it('reads each kind of content as plain words', () => {
    expect(messageText('text', { text: 'Hi <b>there</b>' })).toBe('Hi <b>there</b>');
    expect(messageText('choice_reply', { optionId: 'a', label: 'Billing' })).toBe('Billing');
    expect(messageText('form_reply', { values: { email: 'z@x.io', name: 'Zoé' } })).toBe('email: z@x.io\nname: Zoé');
    expect(
      messageText('choice', {
        text: 'Pick one',
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
      }),
    ).toBe('Pick one\n[A | B]');
    expect(messageText('input', { prompt: 'Your email?', inputType: 'email' })).toBe('Your email?');
    expect(messageText('link', { url: 'https://x.io', label: 'Docs' })).toBe('Docs (https://x.io)');
    expect(messageText('image', { url: 'https://x.io/a.png' })).toBe('[image] https://x.io/a.png');
    expect(messageText('file', { url: 'https://x.io/f.pdf', name: 'f.pdf' })).toBe('f.pdf https://x.io/f.pdf');
    expect(messageText('carousel', { cards: [{ title: 'One' }, { title: 'Two' }] })).toBe('One | Two');
    expect(messageText('mystery', {})).toBe('[mystery]');
  });
});
