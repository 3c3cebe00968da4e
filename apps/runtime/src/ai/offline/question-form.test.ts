import { describe, expect, it } from 'vitest';
import { asksAboutTheBusiness } from './question-form';

describe('asksAboutTheBusiness', () => {
  it('is a question about what the business offers, asked without the visitor speaking of themselves', () => {
    for (const text of [
      'Do you ship to Canada?',
      'Is there a free trial?',
      'Which countries does your store ship to?',
    ]) {
      expect(asksAboutTheBusiness(text), text).toBe(true);
    }
    for (const text of [
      'Is there someone I can talk to?',
      'Do you know where my order is?',
      'Where is my parcel?',
      'cancel the subscription',
      'Thereafter it crashed',
    ]) {
      expect(asksAboutTheBusiness(text), text).toBe(false);
    }
  });
});
