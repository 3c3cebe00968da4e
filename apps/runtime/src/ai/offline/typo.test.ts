import { describe, expect, it } from 'vitest';
import { closestKnownTerm } from './typo';

describe('typo tolerance in intent matching', () => {
  const known = ['cancel', 'refund', 'support', 'order', 'subscript', 'plan'];

  it.each([
    ['cancl', 'cancel'],
    ['refnd', 'refund'],
    ['suport', 'support'],
    ['oder', 'order'],
    ['subscripton', 'subscript'],
    ['ordre', 'order'],
  ])('reads %j (one edit or a swap away, or a known stem with a broken ending) as %j', (word, expected) => {
    expect(closestKnownTerm(word, known)).toBe(expected);
  });

  it.each([
    'pln', // under four letters: too short to guess at
    'ordr1',
    'paypal',
    'cncl',
  ])('leaves %j alone (a short word, a number, a word two edits away)', (word) => {
    expect(closestKnownTerm(word, known)).toBeNull();
  });
});
