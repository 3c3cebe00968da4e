import { MessageContent } from '@flowdesk/contract';
import { analyzeFlow, BLOCKING_CODES } from '@flowdesk/flow-schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileFlow } from './compile';
import type { EngineEffects } from './effects';
import type { EngineInput } from './engine-input';
import { type StepResult, step } from './step';
import { arbitraryEvent, arbitraryFlow } from './testing/arbitrary-flow';

/** Effects whose every answer is drawn from a random script: success, odd values, rejections. */
function scriptedEffects(script: number[]): EngineEffects {
  let i = 0;
  const next = () => script[i++ % script.length] ?? 0;
  const maybeFail = async <T>(value: T): Promise<T> =>
    next() % 5 === 0 ? Promise.reject(new Error('effect failed')) : value;
  return {
    http: async () => maybeFail({ status: [200, 201, 404, 500][next() % 4]!, body: { data: { name: 'N' } } }),
    answer: async () => maybeFail({ found: next() % 2 === 0, answer: 'An answer' }),
    agentTurn: async () =>
      maybeFail(next() % 2 === 0 ? { reply: 'A reply' } : { handoff: { reason: 'Asked for a person', gathered: {} } }),
    classifyIntent: async ({ intents }) =>
      maybeFail({ intentId: intents[next() % (intents.length + 1)]?.id ?? null, confidence: (next() % 10) / 9 }),
    handoff: async () => maybeFail({ outcome: next() % 2 === 0 ? 'handed_off' : 'offline' }),
    sendEmail: async () => maybeFail(undefined),
  };
}

const STATUSES = ['waiting', 'handoff', 'ended', 'error'];

/** Path of the first value JSON would not give back unchanged (or null). Cheap to report, unlike a deep diff. */
function notJsonExact(value: unknown, path = '$'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const bad = notJsonExact(v, `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue; // dropped by JSON, like an absent optional field
      const bad = notJsonExact(v, `${path}.${k}`);
      if (bad) return bad;
    }
    return null;
  }
  return path;
}

describe('property: random valid flows', () => {
  test('compile, and step never throws on random inputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryFlow(),
        fc.array(arbitraryEvent, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(100), { minLength: 1, maxLength: 20 }),
        async (flow, events, script) => {
          const analysis = analyzeFlow(flow);
          expect(analysis.problems.filter((p) => BLOCKING_CODES.has(p.code))).toEqual([]);
          const compiled = compileFlow(flow);
          const effects = scriptedEffects(script);
          let snapshot: StepResult['snapshot'] = null;
          for (const event of events) {
            const result = await step(compiled, effects, {
              snapshot,
              event: event as EngineInput,
              stepBudget: 40,
              timeoutMs: 5000,
            });
            expect(STATUSES).toContain(result.status);
            for (const output of result.outputs) expect(MessageContent.safeParse(output).success).toBe(true);
            expect(notJsonExact(result)).toBeNull();
            expect(Object.getPrototypeOf(result.variables)).toBe(Object.prototype);
            expect(({} as Record<string, unknown>).x).toBeUndefined();
            if (result.error?.code === 'engine_error' || result.error?.code === 'step_timeout')
              throw new Error(`${result.error.code}: ${result.error.message}`);
            snapshot = result.snapshot ? JSON.parse(JSON.stringify(result.snapshot)) : snapshot;
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
