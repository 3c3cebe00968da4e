import { describe, expect, it } from 'vitest';
import { closestKnownTerm } from './typo';

describe('typo tolerance in intent matching', () => {
  const known = ['cancel', 'refund', 'support', 'order', 'subscript', 'plan'];

  it('reads a word one edit (or a swap) away, or a known stem with a broken ending, as the known word', () => {
    expect(closestKnownTerm('cancl', known)).toBe('cancel');
    expect(closestKnownTerm('refnd', known)).toBe('refund');
    expect(closestKnownTerm('suport', known)).toBe('support');
    expect(closestKnownTerm('oder', known)).toBe('order');
    expect(closestKnownTerm('subscripton', known)).toBe('subscript');
    expect(closestKnownTerm('ordre', known)).toBe('order');
  });

  it('leaves short words, numbers and words two edits away alone', () => {
    expect(closestKnownTerm('pln', known)).toBeNull(); // under four letters: too short to guess at
    expect(closestKnownTerm('ordr1', known)).toBeNull();
    expect(closestKnownTerm('paypal', known)).toBeNull();
    expect(closestKnownTerm('cncl', known)).toBeNull();
  });
});
