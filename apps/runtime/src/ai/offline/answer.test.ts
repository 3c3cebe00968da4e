import { describe, expect, it } from 'vitest';
import { answerOffline, NOT_FOUND_ANSWER } from './answer';
import { KNOWLEDGE } from './corpus.test-data';
import { retrieve } from './retrieve';

describe('offline knowledge answers', () => {
  it('answers with the best sentence', () => {
    expect(answerOffline({ question: 'How much is the Pro plan?', knowledge: KNOWLEDGE, instructions: '' })).toEqual({
      found: true,
      answer: 'The Starter plan costs 9 euros per month and the Pro plan costs 29 euros per month per user.',
    });
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
});
