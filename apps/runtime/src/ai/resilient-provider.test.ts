import { describe, expect, it } from 'vitest';
import { createOfflineProvider } from './offline/offline-provider';
import type { AiProvider } from './provider';
import { type AiLogger, answeredBy, withFallback, withLogging } from './resilient-provider';

function recorder() {
  const entries: Array<[string, Record<string, unknown>]> = [];
  const logger: AiLogger = { info: (o) => entries.push(['info', o]), warn: (o) => entries.push(['warn', o]) };
  return { entries, logger };
}

const offline = createOfflineProvider();
const fixed: AiProvider = {
  ...offline,
  name: 'openai',
  prioritize: async () => ({ priority: 'urgent', reason: 'model says so' }),
};
const slow: AiProvider = {
  ...fixed,
  prioritize: () => new Promise((r) => setTimeout(() => r({ priority: 'low', reason: 'late' }), 500)),
};
const broken: AiProvider = { ...fixed, prioritize: async () => Promise.reject(new Error('boom with sk-123')) };
const transcript = [{ author: 'visitor' as const, text: 'I was charged twice' }];

describe('withFallback', () => {
  it('returns the primary answer and keeps its name', async () => {
    const { entries, logger } = recorder();
    const ai = withFallback(fixed, offline, { timeoutMs: 1000, logger });
    expect(ai.name).toBe('openai');
    expect(await ai.prioritize({ transcript })).toEqual({ priority: 'urgent', reason: 'model says so' });
    expect(entries.map(([level, o]) => [level, o.outcome])).toEqual([['info', 'ok']]);
  });

  it('answers from the fallback on timeout and on error, redacting secrets', async () => {
    const { entries, logger } = recorder();
    const late = withFallback(slow, offline, { timeoutMs: 50, logger });
    expect((await late.prioritize({ transcript })).reason).toMatch(/double charge/i);
    const failing = withFallback(broken, offline, { timeoutMs: 1000, logger, secrets: ['sk-123'] });
    expect((await failing.prioritize({ transcript })).priority).toBe('high');
    expect(entries.map(([level, o]) => [level, o.outcome, o.error])).toEqual([
      ['warn', 'timeout', 'AI call timed out after 50 ms'],
      ['warn', 'error', 'boom with [redacted]'],
    ]);
  });

  it('surfaces an error only when the fallback fails too', async () => {
    const alsoBroken: AiProvider = { ...offline, prioritize: async () => Promise.reject(new Error('offline down')) };
    await expect(withFallback(broken, alsoBroken, { timeoutMs: 100 }).prioritize({ transcript })).rejects.toThrow(
      'offline down',
    );
  });
});

describe('answeredBy', () => {
  it('names the provider that produced each result, not the configured one', async () => {
    const working = withFallback(fixed, offline, { timeoutMs: 1000 });
    const failing = withFallback(broken, offline, { timeoutMs: 1000 });
    const fromModel = await working.prioritize({ transcript });
    const fromFallback = await failing.prioritize({ transcript });
    expect(failing.name).toBe('openai');
    expect(answeredBy(working, fromModel)).toBe('openai');
    expect(answeredBy(failing, fromFallback)).toBe('offline');
    // Several results: offline as soon as one came from the fallback; nulls are skipped.
    expect(answeredBy(working, fromModel, null, await working.summarize({ transcript, variables: {} }))).toBe('openai');
    expect(answeredBy(working, fromModel, fromFallback)).toBe('offline');
    // A result no wrapper saw counts as the provider's own.
    expect(answeredBy(working, { priority: 'low', reason: 'x' })).toBe('openai');
    expect(
      answeredBy(withLogging(offline, recorder().logger), await offline.summarize({ transcript, variables: {} })),
    ).toBe('offline');
  });
});

describe('withLogging', () => {
  it('logs each call of a provider without fallback, and is the identity without a logger', async () => {
    const { entries, logger } = recorder();
    await withLogging(offline, logger).classifyIntent({ text: 'hi', intents: [] });
    expect(entries).toEqual([
      ['info', { ai: 'classifyIntent', provider: 'offline', latencyMs: expect.any(Number), outcome: 'ok' }],
    ]);
    expect(withLogging(offline)).toBe(offline);
  });
});
