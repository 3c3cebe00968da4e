import { describe, expect, it } from 'vitest';
import { classifyIntentOffline } from './classify-intent';
import { IN_SCOPE } from './in-scope.test-data';
import { OUT_OF_SCOPE } from './out-of-scope.test-data';
import { formatScope, measureScope, SCOPE_CONFIGS } from './scope-accuracy';

/** Floors sit a little under the figures last measured (BENCHMARKS.md, AI section, issue 18 table). */
const FLOORS: Record<string, { inScope: number; outOfScope: number; otherIntents: number }> = {
  '7 intents': { inScope: 0.9, outOfScope: 0.075, otherIntents: 0 },
  '2 intents': { inScope: 0.95, outOfScope: 0.02, otherIntents: 0.02 },
};

describe('offline intent matching on the in-scope and out-of-scope sets', () => {
  it('has at least 150 in-scope messages over the 7 intents and 100 out-of-scope ones, no duplicates', () => {
    expect(IN_SCOPE.length).toBeGreaterThanOrEqual(150);
    expect(new Set(IN_SCOPE.map((c) => c.intent)).size).toBe(7);
    expect(OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(100);
    const texts = [...IN_SCOPE.map((c) => c.text), ...OUT_OF_SCOPE].map((t) => t.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(SCOPE_CONFIGS)('with $name stays within its floors', async (config) => {
    const s = await measureScope(async (text, intents) => classifyIntentOffline({ text, intents }).intentId, config);
    console.log(formatScope(s).join('\n'));
    const floor = FLOORS[config.name];
    expect(floor, `no floor for ${config.name}`).toBeDefined();
    expect(s.inScope.accuracy, s.inScope.misses.join('\n')).toBeGreaterThanOrEqual(floor!.inScope);
    expect(s.outOfScope.rate, s.outOfScope.misses.join('\n')).toBeLessThanOrEqual(floor!.outOfScope);
    expect(s.otherIntents.rate, s.otherIntents.misses.join('\n')).toBeLessThanOrEqual(floor!.otherIntents);
  });
});
