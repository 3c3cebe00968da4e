import { describe, expect, test } from 'vitest';
import { compileFlow } from './compile';
import { step } from './step';
import { conversation } from './testing/conversation';
import { fakeEffects } from './testing/fake-effects';
import { ask, intentTrigger, msg, tinyFlow } from './testing/tiny-flow';

const intents = [
  { id: 'i-refund', name: 'Refund', phrases: ['refund'] },
  { id: 'i-human', name: 'Talk to a person', phrases: ['human'] },
];

/** A Match Intent block after a question, and a global trigger that hands off. */
const flow = tinyFlow(
  [
    ask('ask', 'How can I help?', 'q'),
    { id: 'mi', type: 'match_intent', data: { intentIds: ['i-refund'] } },
    msg('refund', 'Refunds take 5 days.'),
    msg('other', 'Let me see.'),
    intentTrigger('trig', 'i-human', 'global'),
    { id: 'h', type: 'human_handoff', data: {} },
  ],
  [
    ['ask', 'next', 'mi'],
    ['mi', 'i-refund', 'refund'],
    ['mi', 'no_match', 'other'],
    ['refund', 'next', 'ask'],
    ['other', 'next', 'ask'],
    ['trig', 'next', 'h'],
  ],
  { intents },
);

describe('StepResult.intents', () => {
  test('a Match Intent block reports the intent it matched (block, id, name); no match reports none', async () => {
    const chat = conversation(compileFlow(flow), fakeEffects());
    expect((await chat.start()).intents).toEqual([]);
    const matched = await chat.say('I want a refund');
    expect(matched.intents).toEqual([{ blockId: 'mi', intentId: 'i-refund', name: 'Refund' }]);
    expect(matched.path).toEqual(['mi', 'refund', 'ask']);
    expect((await chat.say('what is the weather')).intents).toEqual([]);
  });

  test('a global intent trigger reports its trigger block, in the step that hands off', async () => {
    const chat = conversation(compileFlow(flow), fakeEffects());
    await chat.start();
    const result = await chat.say('let me talk to a human');
    expect(result.status).toBe('handoff');
    expect(result.intents).toEqual([{ blockId: 'trig', intentId: 'i-human', name: 'Talk to a person' }]);
    expect(result.handoff?.blockId).toBe('h');
  });

  test('a classification deferred to the host is reported in the step that applies its result', async () => {
    const compiled = compileFlow(flow);
    const effects = fakeEffects();
    const started = await step(compiled, effects, { snapshot: null, event: { type: 'start' } });
    const asked = await step(compiled, effects, {
      snapshot: started.snapshot,
      event: { type: 'visitor_message', content: { type: 'text', text: 'human please' } },
      defer: (kind) => kind === 'classifyIntent',
    });
    expect(asked.status).toBe('working');
    expect(asked.intents).toEqual([]);
    const applied = await step(compiled, effects, {
      snapshot: asked.snapshot,
      event: {
        type: 'effect_result',
        effectId: asked.pending!.id,
        result: { ok: true, output: { intentId: 'i-human', confidence: 0.99 } },
      },
    });
    expect(applied.status).toBe('handoff');
    expect(applied.intents).toEqual([{ blockId: 'trig', intentId: 'i-human', name: 'Talk to a person' }]);
  });
});
