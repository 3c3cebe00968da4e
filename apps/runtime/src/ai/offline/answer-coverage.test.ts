import { supportBotFlow } from '@flowdesk/engine';
import { describe, expect, it } from 'vitest';
import { answerOffline } from './answer';

/** The demo bot's own knowledge text, as a visitor of the seeded demo meets it. */
const demoKnowledge = (): string => {
  const block = supportBotFlow.blocks.find((b) => b.type === 'ai_answer');
  const knowledge = (block?.data as { knowledge?: string } | undefined)?.knowledge;
  if (!knowledge) throw new Error('the demo flow has no AI answer knowledge');
  return knowledge;
};
const ask = (question: string) => answerOffline({ question, knowledge: demoKnowledge(), instructions: '' });

describe('an offline answer holds enough of the question', () => {
  // Seen on the demo: "Export to PDF fails with error 500 on the reports page" was answered "Export conversations as
  // CSV from Conversations > Export." instead of handing off.
  it.each([
    'Export to PDF fails with error 500 on the reports page',
    'Is the widget GDPR compliant?',
    'Can I pay by bank transfer?',
  ])('a sentence sharing one word with "%s" is not an answer: not found', (question) => {
    expect(ask(question).found).toBe(false);
  });

  it.each([
    ['How do I export my conversations?', 'Export conversations as CSV'],
    ['The widget does not show on my site', 'The widget does not show'],
    ['How do I install the widget on Shopify?', 'Install the widget'],
    ['My password reset link expired', 'Forgot password'],
  ])('"%s" is still answered', (question, expected) => {
    const got = ask(question);
    expect(got.found).toBe(true);
    expect(got.answer).toContain(expected);
  });
});
