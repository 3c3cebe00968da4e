import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../provider';
import { fieldLabel, summarizeOffline } from './summarize';

const transcript: TranscriptLine[] = [
  { author: 'bot', text: 'Hi! How can I help?', prompt: true },
  { author: 'visitor', text: 'Hi' },
  {
    author: 'visitor',
    text: 'My payment failed at checkout and now I see two pending charges on my card. I need this sorted today.',
  },
  { author: 'bot', text: 'Failed payments are released by your bank within 3 days. Anything else?' },
  { author: 'visitor', text: 'That does not help, I want a human' },
  { author: 'bot', text: 'What is your email?', prompt: true },
  { author: 'visitor', text: 'jane@doe.io' },
];

describe('offline handoff summary (structured)', () => {
  it('says the problem in one sentence, what the bot answered, the details by name, the tone and a next step', () => {
    const { structured, summary } = summarizeOffline({
      transcript,
      variables: { plan: 'Pro', _engine: 'x', tags: ['a'], newsletter: true },
      visitor: { name: 'Jane Doe' },
    });
    expect(structured.problem).toMatch(/^Jane Doe: My payment failed at checkout and now I see two pending charges/);
    expect(structured.botTried).toEqual(['Failed payments are released by your bank within 3 days.']);
    expect(structured.details).toEqual([
      { label: 'Name', value: 'Jane Doe' },
      { label: 'Email', value: 'jane@doe.io' },
      { label: 'Plan', value: 'Pro' },
      { label: 'Newsletter', value: 'Yes' },
    ]);
    expect(structured.tone).toBe('frustrated');
    expect(structured.nextStep).toMatch(/payment/i);
    expect(summary.split('\n')[0]).toBe(structured.problem);
    expect(summary).not.toContain('_engine');
  });

  it('never quotes the bot’s confirmations or prompts as what it tried (the issue’s demo transcript)', () => {
    const { structured } = summarizeOffline({
      transcript: [
        { author: 'bot', text: 'What can I help you with?', prompt: true },
        { author: 'visitor', text: 'Talk to a human' },
        { author: 'bot', text: 'Connecting you with our support team. Someone will reply here shortly.' },
        { author: 'bot', text: "We're offline right now. Opens Monday at 09:00." },
        { author: 'visitor', text: 'I was charged twice for my subscription and nobody answers' },
      ],
      variables: { topic: 'Talk to a human', last_message: 'I was charged twice', last_answer: 'x', email: 'a@b.co' },
    });
    expect(structured.botTried).toEqual([]);
    // Named fields, never raw variables (last_message, last_answer) or a copy of a chat line (topic).
    expect(structured.details).toEqual([{ label: 'Email', value: 'a@b.co' }]);
    // The real issue came after "talk to a human".
    expect(structured.problem).toMatch(/charged twice/);
    expect(structured.tone).toBe('frustrated');
    expect(structured.nextStep).toMatch(/duplicate charge/);
  });

  it('notes an angry visitor, and copes with a bare handoff request', () => {
    const angry = summarizeOffline({
      transcript: [{ author: 'visitor', text: 'This is a SCAM, refund me NOW!!!' }],
      variables: {},
    });
    expect(angry.structured.tone).toBe('angry');
    expect(angry.summary).toContain('Tone: angry.');
    const bare = summarizeOffline({ transcript: [{ author: 'visitor', text: 'hi' }], variables: {} });
    expect(bare.structured.problem).toBe('The visitor asked for a person without details.');
    expect(bare.structured.tone).toBe('calm');
    expect(bare.structured.nextStep).toBe('Ask what they need help with.');
    // The demo's "Talk to a human" button says who they want, not what they need.
    for (const ask of ['Talk to a human', 'I want to speak to a real person!', 'agent please']) {
      const asked = summarizeOffline({ transcript: [{ author: 'visitor', text: ask }], variables: {} });
      expect(asked.structured.problem).toBe('The visitor asked for a person without details.');
    }
    const withReason = summarizeOffline({
      transcript: [
        { author: 'visitor', text: 'Talk to a human' },
        { author: 'visitor', text: 'My parcel never arrived' },
      ],
      variables: {},
    });
    expect(withReason.structured.problem).toBe('The visitor: My parcel never arrived');
  });

  it('keeps the known email once even when the visitor typed it too', () => {
    const { summary, structured } = summarizeOffline({ transcript, variables: {}, visitor: { email: 'jane@doe.io' } });
    expect(summary.match(/jane@doe\.io/g)).toHaveLength(1);
    expect(structured.details.filter((d) => d.value === 'jane@doe.io')).toEqual([
      { label: 'Email', value: 'jane@doe.io' },
    ]);
  });

  it('leads with the gravest problem when the visitor adds a second point afterwards (seen on the demo)', () => {
    const { structured } = summarizeOffline({
      transcript: [
        { author: 'visitor', text: 'I was charged twice for my subscription this month, I need a real person now' },
        { author: 'bot', text: "We're offline right now." },
        { author: 'bot', text: 'What is your email?', prompt: true },
        { author: 'visitor', text: 'vera@example.org' },
        { author: 'visitor', text: 'Also the invoice shows the wrong company name, it should be Vera GmbH' },
      ],
      variables: {},
    });
    expect(structured.problem).toBe(
      'The visitor: I was charged twice for my subscription this month, I need a real person now. Also the invoice ' +
        'shows the wrong company name, it should be Vera GmbH',
    );
    expect(structured.nextStep).toMatch(/duplicate charge/);
  });

  it('suggests correcting the invoice, not reproducing a bug, when an invoice is wrong (seen on the demo)', () => {
    const { structured } = summarizeOffline({
      transcript: [{ author: 'visitor', text: 'My invoice for November is wrong, can someone check it?' }],
      variables: {},
    });
    expect(structured.nextStep).toBe('Check the invoice against their account and send a corrected one.');
  });

  it('labels fields for people', () => {
    expect(fieldLabel('order_number')).toBe('Order number');
    expect(fieldLabel('orderNumber')).toBe('Order number');
    expect(fieldLabel('reference')).toBe('Reference');
  });
});
