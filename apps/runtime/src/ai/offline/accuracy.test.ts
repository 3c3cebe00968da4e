import { describe, expect, it } from 'vitest';
import { measureOfflineAccuracy, TUNING } from './accuracy';
import { ANSWER_QUESTIONS } from './fixtures/corpus';
import { HELDOUT } from './fixtures/heldout';
import { HELDOUT_2 } from './fixtures/heldout2';

/** Floors sit a little under the accuracy last measured (see BENCHMARKS.md, AI section). */
const FLOORS: Record<string, number> = {
  'intent (7 intents + none)': 0.95,
  'priority (4 levels)': 0.95,
  'held-out intent': 0.9,
  'held-out priority': 0.9,
  'held-out 2 intent': 0.88,
  'held-out 2 priority': 0.9,
  'answer found / not found': 1,
  'summary keeps captured details': 1,
};

describe('offline provider accuracy on the committed corpus', () => {
  it('has at least 30 realistic conversations and a mix of answerable and unanswerable questions', () => {
    expect(TUNING.length).toBeGreaterThanOrEqual(30);
    expect(HELDOUT.length).toBeGreaterThanOrEqual(20);
    expect(HELDOUT_2.length).toBeGreaterThanOrEqual(30);
    for (const set of [TUNING, HELDOUT, HELDOUT_2]) {
      expect(new Set(set.map((c) => c.priority))).toEqual(new Set(['low', 'medium', 'high', 'urgent']));
    }
    expect(ANSWER_QUESTIONS.some((q) => q.found) && ANSWER_QUESTIONS.some((q) => !q.found)).toBe(true);
  });

  const scores = measureOfflineAccuracy();
  it.each(scores)('$task stays above its floor', (s) => {
    const floor = FLOORS[s.task];
    expect(floor, `no floor for ${s.task}`).toBeDefined();
    expect(s.total).toBeGreaterThan(0);
    expect(s.accuracy, s.misses.join('\n')).toBeGreaterThanOrEqual(floor!);
  });
});
