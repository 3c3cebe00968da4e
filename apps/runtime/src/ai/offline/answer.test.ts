import { describe, expect, it } from 'vitest';
import { answerOffline, NOT_FOUND_ANSWER } from './answer';
import { KNOWLEDGE } from './fixtures/corpus';
import { retrieve } from './retrieve';

describe('offline knowledge answers', () => {
  it('answers with the best sentence', () => {
    expect(answerOffline({ question: 'How much is the Pro plan?', knowledge: KNOWLEDGE, instructions: '' })).toEqual({
      found: true,
      answer: 'The Starter plan costs 9 euros per month and the Pro plan costs 29 euros per month per user.',
    });
  });

  it('adds the sentence that holds the words the best one lacks (the price beside "yearly billing", seen on the demo)', () => {
    const knowledge = `Acme Chat pricing:
- Free: 1 bot, 100 conversations per month, community support.
- Pro: $29 per month, 5 bots, 5,000 conversations, email support, remove branding.
- Business: $99 per month, unlimited bots, 50,000 conversations, priority support, SSO.
Yearly billing saves 20%. Every paid plan has a 14-day free trial; no credit card needed.`;
    const { answer } = answerOffline({
      question: 'How much does the Pro plan cost per year?',
      knowledge,
      instructions: '',
    });
    expect(answer).toMatch(/^Pro: \$29 per month.*Yearly billing saves 20%\./);
    // A question the best sentence answers alone keeps its one sentence.
    expect(answerOffline({ question: 'How much is Pro?', knowledge, instructions: '' }).answer).toBe(
      'Pro: $29 per month, 5 bots, 5,000 conversations, email support, remove branding.',
    );
  });

  it('says not found when nothing in the knowledge relates, or there is no knowledge', () => {
    expect(answerOffline({ question: 'Who is your CEO?', knowledge: KNOWLEDGE, instructions: '' })).toEqual({
      found: false,
      answer: NOT_FOUND_ANSWER,
    });
    expect(answerOffline({ question: 'How much is Pro?', knowledge: '', instructions: '' }).found).toBe(false);
  });

  it('retrieves sentences best first with positions', () => {
    const passages = retrieve('refund bank days', KNOWLEDGE);
    expect(passages[0]?.sentence).toMatch(/^Refunds reach your bank/);
    expect(passages.map((p) => p.score)).toEqual([...passages.map((p) => p.score)].sort((a, b) => b - a));
    expect(retrieve('', KNOWLEDGE)).toEqual([]);
  });

  const LISTS = `Acme Chat pricing:
- Free: 1 bot, 100 conversations per month.
- Pro: $29 per month, 5 bots.

Technical help:
- Install the widget by pasting the script tag before the end of every page.
- Reset a password from the login page with "Forgot password"; the link is valid for 1 hour.
Our team answers technical questions on weekdays from 9 to 5, in English
and in French, usually within a day.`;

  it('answers from one list item, not the whole list (the demo quoted every line of "Technical help")', () => {
    expect(answerOffline({ question: 'How do I reset my password?', knowledge: LISTS, instructions: '' })).toEqual({
      found: true,
      answer: 'Reset a password from the login page with "Forgot password"; the link is valid for 1 hour.',
    });
  });

  it('answers a question about a whole section with its items, and keeps wrapped prose whole', () => {
    expect(answerOffline({ question: 'What are your prices?', knowledge: LISTS, instructions: '' }).answer).toBe(
      '- Free: 1 bot, 100 conversations per month.\n- Pro: $29 per month, 5 bots.',
    );
    expect(answerOffline({ question: 'Do you answer in French?', knowledge: LISTS, instructions: '' }).answer).toBe(
      'Our team answers technical questions on weekdays from 9 to 5, in English and in French, usually within a day.',
    );
  });
});
