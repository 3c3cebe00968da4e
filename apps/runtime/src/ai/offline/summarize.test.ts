import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../provider';
import { summarizeOffline } from './summarize';

const transcript: TranscriptLine[] = [
  { author: 'bot', text: 'Hi! How can I help?' },
  { author: 'visitor', text: 'Hi' },
  {
    author: 'visitor',
    text: 'My payment failed at checkout and now I see two pending charges on my card. I need this sorted today.',
  },
  { author: 'bot', text: 'Failed payments are released by your bank within 3 days. Anything else?' },
  { author: 'visitor', text: 'That does not help, I want a human' },
  { author: 'bot', text: 'What is your email?' },
  { author: 'visitor', text: 'jane@doe.io' },
];

describe('offline handoff summary', () => {
  it('says who, what they want, what the bot tried and the captured details', () => {
    const { summary } = summarizeOffline({
      transcript,
      variables: { plan: 'Pro', _engine: 'x', tags: ['a'] },
      visitor: { name: 'Jane Doe' },
    });
    const lines = summary.split('\n');
    expect(lines[0]).toMatch(/^Jane Doe wants help: My payment failed at checkout and now I see two pending charges/);
    expect(lines[0]).not.toMatch(/\bHi\b/);
    expect(lines[1]).toBe('Bot already tried: "Failed payments are released by your bank within 3 days."');
    expect(lines[2]).toBe('Details: email jane@doe.io; plan Pro');
    expect(summary).not.toContain('_engine');
  });

  it('notes an upset visitor, and copes with a bare handoff request', () => {
    expect(
      summarizeOffline({ transcript: [{ author: 'visitor', text: 'This is a SCAM, refund me NOW!!!' }], variables: {} })
        .summary,
    ).toContain('Tone: upset.');
    expect(summarizeOffline({ transcript: [{ author: 'visitor', text: 'hi' }], variables: {} }).summary).toBe(
      'The visitor asked for a human without details.',
    );
  });

  it('keeps the known email once even when the visitor typed it too', () => {
    const { summary } = summarizeOffline({ transcript, variables: {}, visitor: { email: 'jane@doe.io' } });
    expect(summary.match(/jane@doe\.io/g)).toHaveLength(1);
  });
});
