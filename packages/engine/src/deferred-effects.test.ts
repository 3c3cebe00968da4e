import { describe, expect, test } from 'vitest';
import { compileFlow } from './compile';
import { type EngineEffects, EXTERNAL_EFFECTS, runEffect } from './effects';
import type { EngineInput } from './engine-input';
import { supportBotFlow } from './fixtures/support-bot';
import type { PersistedSnapshot } from './snapshot';
import { type StepResult, step } from './step';
import { texts } from './testing/conversation';
import { fakeEffects } from './testing/fake-effects';
import { msg, tinyFlow } from './testing/tiny-flow';

const deferAll = () => true;
const say = (text: string): EngineInput => ({ type: 'visitor_message', content: { type: 'text', text } });
const copy = (snapshot: PersistedSnapshot | null) => JSON.parse(JSON.stringify(snapshot)) as PersistedSnapshot | null;

const lookup = compileFlow(
  tinyFlow(
    [
      msg('before', 'Let me check.'),
      {
        id: 'api',
        type: 'http_request',
        data: { url: 'https://api.example.com/orders', responseMapping: [{ path: 'status', variable: 'status' }] },
      },
      msg('ok', 'Your order is {{status}}.'),
      msg('failed', 'Lookup failed.'),
    ],
    [
      ['before', 'next', 'api'],
      ['api', 'success', 'ok'],
      ['api', 'error', 'failed'],
    ],
  ),
);

/** A host that defers every external effect and answers it later with `effects`, as the runtime does. */
async function deferredRun(compiled: ReturnType<typeof compileFlow>, effects: EngineEffects, events: EngineInput[]) {
  let snapshot: PersistedSnapshot | null = null;
  const said: (string | undefined)[][] = [];
  for (const event of events) {
    let result: StepResult = await step(compiled, effects, { snapshot, event, defer: deferAll });
    const turn = texts(result);
    while (result.pending) {
      const outcome = await runEffect(effects, result.pending.kind, result.pending.request);
      snapshot = copy(result.snapshot);
      const resume: EngineInput = { type: 'effect_result', effectId: result.pending.id, result: outcome as never };
      result = await step(compiled, effects, { snapshot, event: resume, defer: deferAll });
      turn.push(...texts(result));
    }
    snapshot = copy(result.snapshot);
    said.push(turn);
  }
  return { said, snapshot };
}

describe('deferred external effects', () => {
  test('the step stops at the effect with the messages before it, and resumes with its result once', async () => {
    const first = await step(lookup, fakeEffects(), { snapshot: null, event: { type: 'start' }, defer: deferAll });
    expect(texts(first)).toEqual(['Let me check.']);
    expect(first.status).toBe('working');
    expect(first.snapshot?.status).toBe('working');
    expect(first.activeBlockId).toBe('api');
    expect(first.pending).toMatchObject({
      kind: 'http',
      request: { method: 'GET', url: 'https://api.example.com/orders' },
    });
    const snapshot = copy(first.snapshot);
    const effectId = first.pending!.id;
    const done = await step(lookup, fakeEffects(), {
      snapshot,
      event: {
        type: 'effect_result',
        effectId,
        result: { ok: true, output: { status: 200, body: { status: 'shipped' } } },
      },
      defer: deferAll,
    });
    expect(texts(done)).toEqual(['Your order is shipped.']);
    expect(done.status).toBe('ended');
    expect(done.pending).toBeNull();

    const again = await step(lookup, fakeEffects(), {
      snapshot: copy(done.snapshot),
      event: { type: 'effect_result', effectId, result: { ok: true, output: { status: 200, body: {} } } },
    });
    expect(again.error?.code).toBe('stale_effect_result');
    expect(again.outputs).toEqual([]);
  });

  test('a failed effect follows the block error path', async () => {
    const first = await step(lookup, fakeEffects(), { snapshot: null, event: { type: 'start' }, defer: deferAll });
    const done = await step(lookup, fakeEffects(), {
      snapshot: copy(first.snapshot),
      event: { type: 'effect_result', effectId: first.pending!.id, result: { ok: false, error: 'timeout' } },
    });
    expect(texts(done)).toEqual(['Lookup failed.']);
  });

  test('other events while waiting keep the same effect; a goto abandons it', async () => {
    const first = await step(lookup, fakeEffects(), { snapshot: null, event: { type: 'start' }, defer: deferAll });
    const set = await step(lookup, fakeEffects(), {
      snapshot: copy(first.snapshot),
      event: { type: 'set_variables', variables: { plan: 'pro' } },
      defer: deferAll,
    });
    expect(set.pending?.id).toBe(first.pending?.id);
    expect(set.variables.plan).toBe('pro');
    const moved = await step(lookup, fakeEffects(), {
      snapshot: copy(set.snapshot),
      event: { type: 'goto', blockId: 'failed' },
      defer: deferAll,
    });
    expect(texts(moved)).toEqual(['Lookup failed.']);
    expect(moved.pending).toBeNull();
  });

  test('intent matching is deferred too: the typed message waits for it, then is routed', async () => {
    const compiled = compileFlow(supportBotFlow);
    const effects = fakeEffects();
    const start = await step(compiled, effects, { snapshot: null, event: { type: 'start' }, defer: deferAll });
    const asked = await step(compiled, effects, {
      snapshot: copy(start.snapshot),
      event: say('human please'),
      defer: deferAll,
    });
    expect(asked.outputs).toEqual([]);
    expect(asked.pending).toMatchObject({ kind: 'classifyIntent', input: say('human please') });
    expect(effects.calls.classify).toEqual([]);
    const routed = await step(compiled, effects, {
      snapshot: copy(asked.snapshot),
      event: {
        type: 'effect_result',
        effectId: asked.pending!.id,
        result: { ok: true, output: { intentId: 'talk_to_human', confidence: 0.9 } },
      },
      defer: deferAll,
    });
    expect(routed.path).toContain('handoff');
    expect(routed.status).toBe('handoff');
  });

  test('the support bot says the same whether effects run inside the step or are deferred', async () => {
    const knows = { price: 'Pro is $29 per month.' };
    const events: EngineInput[] = [
      { type: 'start' },
      { type: 'visitor_message', content: { type: 'choice_reply', optionId: 'pricing', label: 'Pricing' } },
      say('What is the price of Pro?'),
      say('my invoice is wrong'),
    ];
    const inline: (string | undefined)[][] = [];
    let snapshot: PersistedSnapshot | null = null;
    for (const event of events) {
      const result = await step(compileFlow(supportBotFlow), fakeEffects({ knows }), { snapshot, event });
      inline.push(texts(result));
      snapshot = copy(result.snapshot);
    }
    const deferred = await deferredRun(compileFlow(supportBotFlow), fakeEffects({ knows }), events);
    expect(deferred.said).toEqual(inline);
    expect(deferred.said[2]).toContain('Pro is $29 per month.');
  });

  test('no intent is asked for when the waiting block takes the text as its answer (a button label)', async () => {
    const compiled = compileFlow(supportBotFlow);
    const effects = fakeEffects({ knows: { price: 'Pro is $29 per month.' } });
    const start = await step(compiled, effects, { snapshot: null, event: { type: 'start' }, defer: deferAll });
    const picked = await step(compiled, effects, {
      snapshot: copy(start.snapshot),
      event: say('pricing'),
      defer: deferAll,
    });
    expect(picked.pending).toBeNull();
    expect(picked.activeBlockId).toBe('ask_pricing');
    const free = await step(compiled, effects, {
      snapshot: copy(start.snapshot),
      event: say('hello there'),
      defer: deferAll,
    });
    expect(free.pending?.kind).toBe('classifyIntent');
    const own = await step(compiled, effects, {
      snapshot: copy(start.snapshot),
      event: say('hello there'),
      defer: deferAll,
      routeIntents: false,
    });
    expect(own.pending?.kind).not.toBe('classifyIntent');
  });

  test('every external effect kind can be deferred', () => {
    expect([...EXTERNAL_EFFECTS].sort()).toEqual(['agentTurn', 'answer', 'classifyIntent', 'http']);
  });
});
