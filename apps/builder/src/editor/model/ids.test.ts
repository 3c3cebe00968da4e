import { expect, test } from 'vitest';
import { newId, slugify, uniqueId } from './ids';

test('newId is a valid identifier and avoids taken ids', () => {
  const taken = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const id = newId('b', taken);
    expect(id).toMatch(/^b_[a-z0-9]{6}$/);
    expect(taken.has(id)).toBe(false);
    taken.add(id);
  }
});

test('slugify makes ids from names', () => {
  expect(slugify('Talk to a human!')).toBe('talk_to_a_human');
  expect(slugify('Café  Prices')).toBe('cafe_prices');
  expect(slugify('***', 'intent')).toBe('intent');
});

test('uniqueId appends a counter when needed', () => {
  expect(uniqueId('pricing', new Set())).toBe('pricing');
  expect(uniqueId('pricing', new Set(['pricing', 'pricing_2']))).toBe('pricing_3');
});
