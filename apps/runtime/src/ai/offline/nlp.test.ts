import { describe, expect, it } from 'vitest';
import { nouns, sentences, sentiment, terms } from './nlp';

describe('offline NLP views', () => {
  it('stems content words, drops stop words and folds support synonyms', () => {
    expect(terms('I want to speak to a representative about my payments')).toEqual([
      'want',
      'speak',
      'human',
      'payment',
    ]);
    expect(terms("I can't sign in")).toEqual(['login']);
    expect(terms('Is someone there?')).toEqual(['human']);
  });

  it('splits sentences as written', () => {
    expect(sentences('Refunds take 5 days. We ship worldwide! Why?')).toEqual([
      'Refunds take 5 days.',
      'We ship worldwide!',
      'Why?',
    ]);
    expect(sentences('   ')).toEqual([]);
  });

  it('scores sentiment with sign and negation', () => {
    expect(sentiment('This is great, thank you so much!')).toBeGreaterThan(0.3);
    expect(sentiment('This is terrible and I am very angry')).toBeLessThan(-0.3);
    expect(sentiment('')).toBe(0);
  });

  it('finds topic nouns', () => {
    expect(nouns('My parcel arrived damaged and the box was open')).toEqual(['parcel', 'box']);
  });
});
