import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosine, TfIdf } from './tfidf';

describe('TF-IDF', () => {
  const index = new TfIdf([
    ['refund', 'order'],
    ['ship', 'order'],
    ['login', 'password'],
  ]);

  it('weights rare terms above common ones', () => {
    expect(index.weight('refund')).toBeGreaterThan(index.weight('order'));
    expect(index.weight('never-seen')).toBeGreaterThan(index.weight('refund'));
  });

  it('gives 1 for the same document, 0 for disjoint ones, and ranks the closer one higher', () => {
    const q = index.vector(['refund', 'order']);
    expect(cosine(q, index.vector(['refund', 'order']))).toBeCloseTo(1);
    expect(cosine(q, index.vector(['login']))).toBe(0);
    expect(cosine(q, index.vector(['refund']))).toBeGreaterThan(cosine(q, index.vector(['order'])));
    expect(cosine(q, new Map())).toBe(0);
  });

  it('is symmetric and bounded for any documents', () => {
    const doc = fc.array(fc.constantFrom('a', 'b', 'c', 'order', 'refund'), { maxLength: 8 });
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const x = index.vector(a);
        const y = index.vector(b);
        const s = cosine(x, y);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-9);
        expect(cosine(y, x)).toBeCloseTo(s);
      }),
    );
  });
});
