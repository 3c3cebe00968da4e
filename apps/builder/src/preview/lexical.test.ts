import { expect, test } from 'vitest';
import { answerFromKnowledge, classifyLexically, overlap, words } from './lexical';

const intents = [
  { id: 'human', name: 'Talk to a human', description: '', phrases: ['real agent', 'speak to someone'] },
  { id: 'pricing', name: 'Pricing', description: '', phrases: ['how much does it cost', 'price of the pro plan'] },
];

test('words drops punctuation, case and filler words', () => {
  expect(words('Can I talk to a HUMAN, please?')).toEqual(['talk', 'human']);
});

test('overlap is 1 for a contained phrase and partial otherwise', () => {
  expect(overlap('I want a real agent now', 'real agent')).toBe(1);
  expect(overlap('an agent', 'real agent')).toBe(0.5);
  expect(overlap('anything', '')).toBe(0);
});

test('classifies to the best matching intent, or none', () => {
  expect(classifyLexically('let me speak to someone', intents)).toEqual({ intentId: 'human', confidence: 1 });
  expect(classifyLexically('what is the price of pro', intents).intentId).toBe('pricing');
  expect(classifyLexically('hello there', intents)).toEqual({ intentId: null, confidence: 0 });
});

test('answers from the knowledge sentence that shares the most words', () => {
  const knowledge =
    'The Pro plan costs 49 euros a month. Refunds are possible within 30 days.\nSupport is open weekdays.';
  expect(answerFromKnowledge('How much is the Pro plan per month?', knowledge)).toEqual({
    found: true,
    answer: 'The Pro plan costs 49 euros a month.',
  });
  expect(answerFromKnowledge('Do you sell shoes?', knowledge)).toEqual({ found: false, answer: '' });
  expect(
    answerFromKnowledge('How do I reset my password?', 'Technical help:\n- Reset a password with "Forgot password".'),
  ).toEqual({ found: true, answer: 'Reset a password with "Forgot password".' });
});
