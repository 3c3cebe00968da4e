import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from './provider';
import { formatTranscript, recentTranscript } from './transcript';

const line = (text: string, author: TranscriptLine['author'] = 'visitor'): TranscriptLine => ({ author, text });

describe('recentTranscript', () => {
  it('keeps the newest lines within the line bound', () => {
    const lines = ['a', 'b', 'c', 'd'].map((t) => line(t));
    expect(recentTranscript(lines, { maxLines: 2, maxChars: 1_000 })).toBe('Visitor: c\nVisitor: d');
    expect(recentTranscript(lines, { maxLines: 10, maxChars: 1_000 })).toBe(formatTranscript(lines));
  });

  it('drops older lines to stay within the character bound, newlines included', () => {
    const lines = [line('aaaa'), line('bbbb', 'bot'), line('cccc')];
    // "Bot: bbbb" (9) + "\n" + "Visitor: cccc" (13) = 23
    expect(recentTranscript(lines, { maxLines: 10, maxChars: 23 })).toBe('Bot: bbbb\nVisitor: cccc');
    expect(recentTranscript(lines, { maxLines: 10, maxChars: 22 })).toBe('Visitor: cccc');
  });

  it('cuts a newest line longer than the whole budget', () => {
    const cut = recentTranscript([line('x'.repeat(50))], { maxLines: 10, maxChars: 20 });
    expect(cut).toBe(`Visitor: ${'x'.repeat(10)}…`);
    expect(cut).toHaveLength(20);
    expect(recentTranscript([], { maxLines: 10, maxChars: 20 })).toBe('');
  });
});
