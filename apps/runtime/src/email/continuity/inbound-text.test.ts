import { describe, expect, it } from 'vitest';
import { visibleText } from './inbound';

/** The visible text of an inbound email with only the given parts (no text, no HTML, no attachments otherwise). */
const textOf = (parts: Partial<Parameters<typeof visibleText>[0]>) =>
  visibleText({ text: null, html: null, attachments: [], ...parts });

describe("the visitor's words in an emailed reply", () => {
  it('drops the quoted history and the signature, keeps the answer', () => {
    const text = [
      'Yes, order 4821 please.',
      '',
      '--',
      'Vera Visitor | Acme Corp',
      '',
      'On Fri, Dec 4, 2026 at 9:00 PM Support <reply+x@reply.example.com> wrote:',
      '> Which order was it?',
    ].join('\r\n');
    expect(textOf({ text })).toBe('Yes, order 4821 please.');
  });

  it('reads the HTML part when there is no text part, as text (tags never kept)', () => {
    const html = '<div>Fine by me &amp; thanks<br>Vera</div><script>alert(1)</script>';
    expect(textOf({ html })).toBe('Fine by me & thanks\nVera');
  });

  it('lists attachments by name and size, and says so for an empty email', () => {
    const attachments = [
      { filename: 'invoice.pdf', contentType: 'application/pdf', size: 20_480 },
      { filename: 'photo.jpg', contentType: 'image/jpeg', size: 3 * 1024 * 1024 },
    ];
    expect(textOf({ text: 'See attached', attachments })).toBe(
      'See attached\n\nAttachments:\n📎 invoice.pdf (20 KB)\n📎 photo.jpg (3.0 MB)',
    );
    expect(textOf({ text: '' })).toBe('(empty email)');
  });

  it('keeps a long answer within the chat message limit', () => {
    expect(textOf({ text: 'a'.repeat(20_000) })).toHaveLength(5000);
  });
});
