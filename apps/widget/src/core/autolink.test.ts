import { describe, expect, it } from 'vitest';
import { autolink, safeUrl } from './autolink';

describe('autolink', () => {
  it('keeps plain text as one text segment', () => {
    expect(autolink('hello there')).toEqual([{ kind: 'text', text: 'hello there' }]);
  });

  it('links http(s) URLs in the middle of text and trims trailing punctuation', () => {
    expect(autolink('See https://example.com/a?b=1, then reply.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ', then reply.' },
    ]);
  });

  it('links www hosts with https and e-mail addresses with mailto', () => {
    const segments = autolink('www.flowdesk.dev or help@flowdesk.dev');
    expect(segments).toEqual([
      { kind: 'link', text: 'www.flowdesk.dev', href: 'https://www.flowdesk.dev' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'help@flowdesk.dev', href: 'mailto:help@flowdesk.dev' },
    ]);
  });

  it('drops a closing parenthesis that is not part of the URL but keeps balanced ones', () => {
    expect(autolink('(see https://x.io/a)')[1]).toEqual({
      kind: 'link',
      text: 'https://x.io/a',
      href: 'https://x.io/a',
    });
    expect(autolink('https://en.wikipedia.org/wiki/Foo_(bar)')[0]).toMatchObject({
      text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
  });

  it('leaves markup as text so it is never interpreted', () => {
    const segments = autolink('<img src=x onerror=alert(1)> javascript:alert(1)');
    expect(segments).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)> javascript:alert(1)' }]);
  });

  it('reassembles to the original text', () => {
    const text = 'a https://a.io b www.b.io c d@e.fr. (https://f.io/x)!';
    expect(
      autolink(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});

describe('safeUrl', () => {
  it('allows http, https and mailto and resolves relative URLs against a base', () => {
    expect(safeUrl('https://a.io/x')).toBe('https://a.io/x');
    expect(safeUrl('/files/a.pdf', 'http://localhost:3000')).toBe('http://localhost:3000/files/a.pdf');
    expect(safeUrl('mailto:a@b.io')).toBe('mailto:a@b.io');
  });

  it('refuses script and data URLs and garbage', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
  });
});
