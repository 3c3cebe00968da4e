import { describe, expect, it } from 'vitest';
import { asksAboutTheBusiness } from './question-form';

describe('asksAboutTheBusiness', () => {
  it.each([
    ['Do you ship to Canada?', true],
    ['Is there a free trial?', true],
    ['Which countries does your store ship to?', true],
    // The visitor speaks of themselves: a request about their own case.
    ['Is there someone I can talk to?', false],
    ['Do you know where my order is?', false],
    ['Where is my parcel?', false],
    ['cancel the subscription', false],
    ['Thereafter it crashed', false],
  ])('%s → %s', (text, expected) => {
    expect(asksAboutTheBusiness(text)).toBe(expected);
  });
});
