import { describe, expect, test } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { compileFlow, FlowCompileError } from './compile';
import type { EngineEffects } from './effects';
import { DEFAULT_MESSAGE_BUDGET, LOOP_STOPPED_LINE } from './machine/types';
import { step } from './step';
import { conversation, texts } from './testing/conversation';
import { fakeEffects } from './testing/fake-effects';
import { ask, flowWithTrigger, msg, tinyFlow } from './testing/tiny-flow';

const loop = tinyFlow(
  [msg('a', 'again'), { id: 'b', type: 'set_variable', data: { variable: 'n', value: '{{n}}1' } }],
  [
    ['a', 'next', 'b'],
    ['b', 'next', 'a'],
  ],
);

describe('compileFlow', () => {
  test('refuses flows that cannot run, with the problems', () => {
    expect(() => compileFlow({ schemaVersion: 1, id: 'x', name: 'x', blocks: [] })).toThrow(FlowCompileError);
    try {
      compileFlow('nonsense');
    } catch (e) {
      expect((e as FlowCompileError).problems.map((p) => p.code)).toContain('invalid_document');
    }
  });

  test('strict mode refuses any error; default compiles loops (the budget guards them)', () => {
    expect(() => compileFlow(loop, { strict: true })).toThrow(/never waits/);
    expect(compileFlow(loop).problems.map((p) => p.code)).toContain('loop_without_input');
  });
});

describe('step', () => {
  test('the step budget stops a runaway loop with a clear error', async () => {
    const chat = conversation(compileFlow(loop), fakeEffects(), { stepBudget: 10 });
    const result = await chat.start();
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'step_budget_exceeded' });
    expect(result.outputs.length).toBeLessThanOrEqual(10);
    // The saved state is usable: an agent can send the conversation elsewhere.
    expect((await chat.send({ type: 'goto', blockId: 'a' })).error?.code).toBe('step_budget_exceeded');
  });

  // The budget counts entries of blocks that can repeat without waiting (blocks on a loop). The entry
  // that goes past it has run its own actions when the step stops.
  test('a block wired to itself runs again each time and is stopped by the budget', async () => {
    const self = tinyFlow([msg('a', 'again')], [['a', 'next', 'a']]);
    const result = await conversation(compileFlow(self), fakeEffects(), { stepBudget: 5 }).start();
    expect(result.error).toMatchObject({ code: 'step_budget_exceeded', blockId: 'a' });
    expect(texts(result)).toEqual([...Array(6).fill('again'), LOOP_STOPPED_LINE]);
    expect(result.path).toEqual(['start', ...Array(6).fill('a')]);
  });

  test('the default budget is 100 entries of looping blocks', async () => {
    const result = await conversation(compileFlow(loop), fakeEffects(), { messageBudget: 1000 }).start();
    expect(result.outputs).toHaveLength(52);
    expect(result.variables.n).toBe('1'.repeat(50));
  });

  // Issue 18: handoff → offline → message → back to the handoff sent 100+ messages per visitor message.
  const offlineLoop = tinyFlow(
    [{ id: 'h', type: 'human_handoff', data: {} }, msg('m', 'Trying again…')],
    [
      ['h', 'offline', 'm'],
      ['m', 'next', 'h'],
    ],
  );

  test('a loop through an offline handoff stops at ten messages, the last one a clear line', async () => {
    const chat = conversation(compileFlow(offlineLoop), fakeEffects({ handoff: 'offline' }));
    const result = await chat.start();
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'message_budget_exceeded' });
    expect(result.outputs.length).toBeLessThanOrEqual(DEFAULT_MESSAGE_BUDGET);
    expect(result.outputs.length).toBeGreaterThanOrEqual(DEFAULT_MESSAGE_BUDGET - 1);
    expect(texts(result).at(-1)).toBe(LOOP_STOPPED_LINE);
    expect(texts(result).filter((t) => t === LOOP_STOPPED_LINE)).toHaveLength(1);
    // A visitor message at the stopped conversation does not start the loop again.
    expect(await chat.say('hello?')).toMatchObject({ status: 'error', outputs: [] });
  });

  test('the message budget is an option and counts the closing line', async () => {
    const result = await conversation(compileFlow(offlineLoop), fakeEffects({ handoff: 'offline' }), {
      messageBudget: 4,
    }).start();
    expect(result.outputs.length).toBeLessThanOrEqual(4);
    expect(texts(result).at(-1)).toBe(LOOP_STOPPED_LINE);
  });

  test('a long straight path never hits the budget, however long', async () => {
    const blocks = Array.from({ length: 150 }, (_, i) => msg(`m${i}`, `line ${i}`));
    const edges = blocks.slice(1).map((b, i) => [`m${i}`, 'next', b.id] as [string, string, string]);
    const result = await conversation(compileFlow(tinyFlow(blocks, edges)), fakeEffects(), { stepBudget: 10 }).start();
    expect(result.status).toBe('ended');
    expect(result.outputs).toHaveLength(150);
  });

  test('a loop through a question is not a runaway: each pass waits for the visitor', async () => {
    const viaQuestion = tinyFlow(
      [ask('q', 'Again?', 'x'), msg('m', 'ok')],
      [
        ['q', 'next', 'm'],
        ['m', 'next', 'q'],
      ],
    );
    const chat = conversation(compileFlow(viaQuestion), fakeEffects(), { stepBudget: 1 });
    await chat.start();
    for (let i = 0; i < 5; i++) expect((await chat.say(`answer ${i}`)).status).toBe('waiting');
  });

  const flow = tinyFlow(
    [ask('ask', 'Name?', 'name'), msg('hi', 'Hi {{name}} from {{city}}'), msg('other', 'Somewhere else')],
    [['ask', 'next', 'hi']],
  );

  test('goto jumps to a block (agent hands back there); set_variables merges', async () => {
    const chat = conversation(compileFlow(flow), fakeEffects());
    await chat.start();
    expect(
      await chat.send({ type: 'set_variables', variables: { city: 'Oslo', 'contact.phone': '123' } }),
    ).toMatchObject({
      outputs: [],
      status: 'waiting',
      activeBlockId: 'ask',
      variables: { city: 'Oslo', contact: { phone: '123' } },
    });
    expect(texts(await chat.say('Ada'))).toEqual(['Hi Ada from Oslo']);
    const jumped = await chat.send({ type: 'goto', blockId: 'other' });
    expect(texts(jumped)).toEqual(['Somewhere else']);
    expect(jumped.path).toEqual(['other']);
    const again = await chat.send({ type: 'goto', blockId: 'ask' });
    expect(again.awaiting).toMatchObject({ prompt: 'Name?' });
  });

  test('welcome on first message: variables set before it survive the start', async () => {
    const chat = conversation(
      compileFlow({ ...flow, variables: [{ name: 'city', defaultValue: 'Paris' }] }),
      fakeEffects(),
    );
    await chat.send({ type: 'set_variables', variables: { visitor: { name: 'Ada' } } });
    const started = await chat.say('hi');
    expect(started.variables).toEqual({ city: 'Paris', visitor: { name: 'Ada' }, last_message: 'hi' });
    expect(texts(await chat.say('Ada'))).toEqual(['Hi Ada from Paris']);
  });

  test('the first visitor message starts the flow when there is no snapshot yet', async () => {
    const chat = conversation(compileFlow(flow), fakeEffects());
    const result = await chat.say('hello');
    expect(result).toMatchObject({ status: 'waiting', activeBlockId: 'ask', variables: { last_message: 'hello' } });
  });

  test('bad events and unknown blocks give error results, never throws', async () => {
    const compiled = compileFlow(flow);
    const effects = fakeEffects();
    const bad = await step(compiled, effects, { snapshot: null, event: { type: 'explode' } as never });
    expect(bad).toMatchObject({ status: 'error', error: { code: 'invalid_event' }, snapshot: null });
    const missing = await step(compiled, effects, { snapshot: null, event: { type: 'goto', blockId: 'nope' } });
    expect(missing.error?.code).toBe('unknown_block');
  });

  test('effects returning garbage or throwing synchronously never crash a step', async () => {
    const garbage = {
      http: () => {
        throw new Error('sync');
      },
      answer: async () => undefined,
      classifyIntent: async () => null,
      handoff: async () => ({ outcome: 'maybe' }),
      sendEmail: () => {
        throw new Error('sync');
      },
    } as unknown as EngineEffects;
    const all = tinyFlow(
      [
        ask('q', '?', 'q'),
        { id: 'ai', type: 'ai_answer', data: {} },
        { id: 'mi', type: 'match_intent', data: { intentIds: ['x'] } },
        { id: 'http', type: 'http_request', data: { url: 'https://x.example' } },
        { id: 'mail', type: 'send_email', data: { to: 'a@b.c', subject: 's', body: 'b' } },
        { id: 'h', type: 'human_handoff', data: {} },
        msg('off', 'offline path'),
      ],
      [
        ['q', 'next', 'ai'],
        ['ai', 'not_found', 'mi'],
        ['mi', 'no_match', 'http'],
        ['http', 'error', 'mail'],
        ['mail', 'next', 'h'],
        ['h', 'offline', 'off'],
      ],
      { intents: [{ id: 'x', name: 'X', phrases: ['x'] }] },
    );
    const chat = conversation(compileFlow(all), garbage);
    await chat.start();
    const result = await chat.say('question');
    expect(texts(result)).toEqual(["We're offline right now.", 'offline path']);
  });

  test('global intents: not checked while an agent holds the conversation; a failing classifier lets text through', async () => {
    const handoff = { id: 'h', type: 'human_handoff', data: {} };
    const flow = flowWithTrigger([ask('ask', 'Name?', 'name'), handoff], [['ask', 'next', 'h']], {
      intent: { id: 'bye', name: 'Bye', phrases: ['bye'] },
      scope: 'global',
      reply: 'Bye!',
    });
    const effects = fakeEffects();
    const chat = conversation(compileFlow(flow), effects);
    await chat.start();
    expect((await chat.say('Ada')).status).toBe('handoff');
    expect(effects.calls.classify).toHaveLength(1);
    expect(await chat.say('bye')).toMatchObject({ status: 'handoff', outputs: [] });
    expect(effects.calls.classify).toHaveLength(1);

    const broken = { ...fakeEffects(), classifyIntent: () => Promise.reject(new Error('ai down')) } as EngineEffects;
    const other = conversation(compileFlow(flow), broken);
    await other.start();
    expect((await other.say('bye')).variables.name).toBe('bye');
  });

  test('concurrent steps on one compiled flow each use their own effects', async () => {
    const compiled = compileFlow(
      tinyFlow([{ id: 'ai', type: 'ai_answer', data: {} }], [], { variables: [{ name: 'who', defaultValue: '' }] }),
    );
    const slowAnswer = (answer: string, ms: number) =>
      ({
        ...fakeEffects(),
        answer: () => new Promise((resolve) => setTimeout(() => resolve({ found: true, answer }), ms)),
      }) as EngineEffects;
    const [a, b] = await Promise.all([
      step(compiled, slowAnswer('from A', 30), {
        snapshot: null,
        event: { type: 'visitor_message', content: { type: 'text', text: 'q' } },
      }),
      step(compiled, slowAnswer('from B', 1), {
        snapshot: null,
        event: { type: 'visitor_message', content: { type: 'text', text: 'q' } },
      }),
    ]);
    expect(texts(a)).toEqual(['from A']);
    expect(texts(b)).toEqual(['from B']);
  });

  test('hosts driving the machine themselves answer a working state with effect.done', async () => {
    const compiled = compileFlow(
      tinyFlow([{ id: 'ai', type: 'ai_answer', data: {} }, msg('m', '{{last_message}}!')], [['ai', 'answered', 'm']]),
    );
    const outputs: unknown[] = [];
    const actor = createActor(compiled.machine);
    actor.on('output', (e) => outputs.push(e.content));
    actor.start();
    actor.send({ type: 'visitor_message', content: { type: 'text', text: 'hey' } });
    const working = await waitFor(actor, (s) => s.hasTag('working'));
    expect(working.context.pending).toMatchObject({ kind: 'answer', request: { question: 'hey' } });
    actor.send({ type: 'effect.done', output: { found: true, answer: 'provided' } });
    await waitFor(actor, (s) => s.hasTag('ended'));
    expect(outputs).toEqual([
      { type: 'text', text: 'provided' },
      { type: 'text', text: 'hey!' },
    ]);
  });

  test('a hanging effect is cut off by timeoutMs', async () => {
    const hang = { ...fakeEffects(), answer: () => new Promise<never>(() => {}) } as EngineEffects;
    const compiled = compileFlow(tinyFlow([{ id: 'ai', type: 'ai_answer', data: {} }], []));
    const result = await step(compiled, hang, { snapshot: null, event: { type: 'start' }, timeoutMs: 50 });
    expect(result).toMatchObject({ status: 'error', error: { code: 'step_timeout' }, snapshot: null });
  });
});
