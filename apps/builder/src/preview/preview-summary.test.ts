import { expect, test } from 'vitest';
import { previewSummary } from './preview-summary';

test('quotes the most informative visitor messages in order, then the captured details', () => {
  const summary = previewSummary(
    [
      { author: 'bot', text: 'Hi! How can we help?' },
      { author: 'visitor', text: 'hello' },
      { author: 'visitor', text: 'My order 1234 arrived broken and I want a replacement' },
      { author: 'bot', text: 'What is your email?' },
      { author: 'visitor', text: 'ann@example.com' },
      { author: 'visitor', text: 'Please hurry, it is a gift for tomorrow' },
    ],
    { email: 'ann@example.com', last_message: 'Please hurry', name: 'Ann' },
  );
  expect(summary).toBe(
    'Ann wrote: “My order 1234 arrived broken and I want a replacement” “Please hurry, it is a gift for tomorrow” Details: email: ann@example.com, name: Ann.',
  );
});

test('says so when the visitor has not written anything', () => {
  expect(previewSummary([{ author: 'bot', text: 'Hi' }], {})).toBe('The visitor has not written anything yet.');
});

test('a long answer to a question is quoted once, not repeated under Details', () => {
  expect(
    previewSummary(
      [
        { author: 'bot', text: 'What happened?' },
        { author: 'visitor', text: 'My invoice for March was charged twice' },
      ],
      { issue: 'My invoice for March was charged twice', last_message: 'My invoice for March was charged twice' },
    ),
  ).toBe('The visitor wrote: “My invoice for March was charged twice”');
});
