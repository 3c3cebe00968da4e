import { describe, expect, it } from 'vitest';
import { classifyIntentOffline } from './classify-intent';
import { BACKGROUND_MESSAGES } from './fixtures/background';
import { IN_SCOPE } from './fixtures/in-scope';
import { OUT_OF_SCOPE } from './fixtures/out-of-scope';
import { formatScope, measureBackground, measureScope, SCOPE_CONFIGS } from './scope-accuracy';

/** Floors sit a little under the figures last measured (BENCHMARKS.md, AI section, issue 18 table). */
const FLOORS: Record<string, { inScope: number; outOfScope: number; otherIntents: number }> = {
  '7 intents': { inScope: 0.9, outOfScope: 0.05, otherIntents: 0 },
  '2 intents': { inScope: 0.95, outOfScope: 0.02, otherIntents: 0.02 },
};
/** The background corpus is unseen by the rules: its false-match rate is reported, and held under a loose ceiling. */
const BACKGROUND_CEILING: Record<string, number> = { '7 intents': 0.12, '2 intents': 0.07 };
const offline = async (text: string, intents: Parameters<typeof classifyIntentOffline>[0]['intents']) =>
  classifyIntentOffline({ text, intents }).intentId;

describe('offline intent matching on the in-scope and out-of-scope sets', () => {
  it('has at least 150 in-scope messages over the 7 intents and 100 out-of-scope ones, no duplicates', () => {
    expect(IN_SCOPE.length).toBeGreaterThanOrEqual(150);
    expect(new Set(IN_SCOPE.map((c) => c.intent)).size).toBe(7);
    expect(OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(100);
    const texts = [...IN_SCOPE.map((c) => c.text), ...OUT_OF_SCOPE].map((t) => t.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(SCOPE_CONFIGS)('with $name stays within its floors', async (config) => {
    const s = await measureScope(offline, config);
    console.log(formatScope(s).join('\n'));
    const floor = FLOORS[config.name];
    expect(floor, `no floor for ${config.name}`).toBeDefined();
    expect(s.inScope.accuracy, s.inScope.misses.join('\n')).toBeGreaterThanOrEqual(floor!.inScope);
    expect(s.outOfScope.rate, s.outOfScope.misses.join('\n')).toBeLessThanOrEqual(floor!.outOfScope);
    expect(s.otherIntents.rate, s.otherIntents.misses.join('\n')).toBeLessThanOrEqual(floor!.otherIntents);
  });

  it('has a background corpus of 130+ messages that shares no sentence with the test sets', () => {
    expect(BACKGROUND_MESSAGES.length).toBeGreaterThanOrEqual(130);
    const tested = new Set([...IN_SCOPE.map((c) => c.text), ...OUT_OF_SCOPE].map((t) => t.toLowerCase()));
    expect(BACKGROUND_MESSAGES.filter((t) => tested.has(t.toLowerCase()))).toEqual([]);
    expect(new Set(BACKGROUND_MESSAGES.map((t) => t.toLowerCase())).size).toBe(BACKGROUND_MESSAGES.length);
  });

  it.each(SCOPE_CONFIGS)('with $name, reports false matches on the unseen background corpus', async (config) => {
    const b = await measureBackground(offline, config);
    console.log(`${config.name}: background corpus false matches ${b.falseMatches}/${b.total}`);
    expect(b.rate, b.misses.join('\n')).toBeLessThanOrEqual(BACKGROUND_CEILING[config.name]!);
  });
});
