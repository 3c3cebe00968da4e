import { describe, expect, test } from 'vitest';
import { compileFlow } from './compile';
import { conversation, texts } from './testing/conversation';
import { type FakeEffectsOptions, fakeEffects } from './testing/fake-effects';
import { ask, branchingFlow, msg, tinyFlow } from './testing/tiny-flow';

const start = async (flow: Parameters<typeof compileFlow>[0], options: FakeEffectsOptions = {}, vars = {}) => {
  const effects = fakeEffects(options);
  const chat = conversation(compileFlow(flow), effects);
  return { result: await chat.start(vars), effects, chat };
};
const twoWay = (block: Record<string, unknown> & { id: string }, yes: string, no: string) =>
  branchingFlow(block as never, [
    [yes, 'yes', yes],
    [no, 'no', no],
  ]);

describe('golden: one per block type (logic, AI and actions)', () => {
  test('condition: AND/OR groups pick true or false', async () => {
    const proWithOverFiveSeats = {
      combinator: 'and',
      rules: [
        { variable: 'plan', operator: 'equals', value: 'pro' },
        { variable: 'seats', operator: 'greater_than', value: '5' },
      ],
    };
    const acmeEmail = { rules: [{ variable: 'email', operator: 'ends_with', value: '@acme.example' }] };
    const data = { combinator: 'or', groups: [proWithOverFiveSeats, acmeEmail] };
    const flow = twoWay({ id: 'c', type: 'condition', data }, 'true', 'false');
    expect(texts((await start(flow, {}, { plan: 'Pro', seats: 9 })).result)).toEqual(['true']);
    expect(texts((await start(flow, {}, { plan: 'Pro', seats: 2 })).result)).toEqual(['false']);
    expect(texts((await start(flow, {}, { email: 'x@acme.example' })).result)).toEqual(['true']);
  });

  test('set_variable: stores an interpolated value', async () => {
    const flow = tinyFlow(
      [
        { id: 's', type: 'set_variable', data: { variable: 'greeting', value: 'Hello {{name}}!' } },
        msg('m', '{{greeting}}'),
      ],
      [['s', 'next', 'm']],
    );
    const { result } = await start(flow, {}, { name: 'Ada' });
    expect(texts(result)).toEqual(['Hello Ada!']);
    expect(result.variables.greeting).toBe('Hello Ada!');
  });

  const http = {
    id: 'h',
    type: 'http_request',
    data: {
      method: 'POST',
      url: 'https://api.example/orders/{{order}}',
      headers: [{ name: 'X-Token', value: 'secret-{{order}}' }],
      body: '{"order":"{{order}}"}',
      timeoutMs: 2000,
      responseMapping: [
        { path: 'data.status', variable: 'status' },
        { path: 'data.items.0.name', variable: 'first' },
        { path: '', variable: 'raw' },
      ],
    },
  };

  test('http_request: interpolated request, response mapped to variables on success', async () => {
    const body = { data: { status: 'shipped', items: [{ name: 'Lamp' }] } };
    const { result, effects } = await start(
      twoWay(http, 'success', 'error'),
      { http: async () => ({ status: 200, body }) },
      { order: 'A1' },
    );
    expect(effects.calls.http).toEqual([
      {
        method: 'POST',
        url: 'https://api.example/orders/A1',
        headers: { 'X-Token': 'secret-A1' },
        body: '{"order":"A1"}',
        timeoutMs: 2000,
      },
    ]);
    expect(texts(result)).toEqual(['success']);
    expect(result.variables).toMatchObject({ status: 'shipped', first: 'Lamp', raw: body });
  });

  test.each([
    ['a non-2xx status', async () => ({ status: 503, body: 'down' })],
    ['a timeout (rejection)', async () => Promise.reject(new Error('timeout after 2000 ms'))],
    [
      'a synchronous throw',
      () => {
        throw new Error('boom');
      },
    ],
  ])('http_request: %s follows "error"', async (_name, impl) => {
    const { result } = await start(twoWay(http, 'success', 'error'), { http: impl as never });
    expect(texts(result)).toEqual(['error']);
    expect(result.status).toBe('ended');
  });

  test('ai_answer: answered says the answer and saves it; not found follows "not_found"', async () => {
    const ai = { id: 'ai', type: 'ai_answer', data: { knowledge: 'Pro costs $29', saveAs: 'answer' } };
    const flow = tinyFlow(
      [ask('q', 'Ask', 'question'), ai, msg('yes', 'answered'), msg('no', 'not found')],
      [
        ['q', 'next', 'ai'],
        ['ai', 'answered', 'yes'],
        ['ai', 'not_found', 'no'],
      ],
    );
    const { chat } = await start(flow, { knows: { price: 'It is $29.' } });
    const answered = await chat.say('price of pro?');
    expect(texts(answered)).toEqual(['It is $29.', 'answered']);
    expect(answered.variables.answer).toBe('It is $29.');
    const { chat: other } = await start(flow, { knows: {} });
    expect(texts(await other.say('weather?'))).toEqual(['not found']);
  });

  test('match_intent: one output per intent, no_match otherwise', async () => {
    const flow = tinyFlow(
      [
        ask('q', 'Ask', 'question'),
        { id: 'mi', type: 'match_intent', data: { intentIds: ['billing', 'bug'] } },
        msg('billing', 'billing path'),
        msg('bug', 'bug path'),
        msg('none', 'no match'),
      ],
      [
        ['q', 'next', 'mi'],
        ['mi', 'billing', 'billing'],
        ['mi', 'bug', 'bug'],
        ['mi', 'no_match', 'none'],
      ],
      {
        intents: [
          { id: 'billing', name: 'Billing', phrases: ['invoice'] },
          { id: 'bug', name: 'Bug', phrases: ['crash'] },
        ],
      },
    );
    for (const [said, path] of [
      ['my invoice', 'billing path'],
      ['it crashes', 'bug path'],
      ['hello', 'no match'],
    ]) {
      const { chat } = await start(flow);
      expect(texts(await chat.say(said as string))).toEqual([path]);
    }
  });

  const handoffFlow = branchingFlow(
    {
      id: 'h',
      type: 'human_handoff',
      data: {
        priority: { mode: 'fixed', value: 'high' },
        teamId: 'billing',
        confirmationMessage: 'Hold on {{name}}',
        offlineMessage: 'Closed',
      },
    },
    [
      ['handed_off', 'back', 'Bot again'],
      ['offline', 'off', 'Leave a note'],
      ['no_agent_timeout', 'late', 'Sorry for the wait'],
    ],
  );

  test('human_handoff: pauses for an agent, reports the handoff, resumes on handback', async () => {
    const { result, chat } = await start(handoffFlow, { handoff: 'handed_off' }, { name: 'Ada' });
    expect(result).toMatchObject({
      outputs: [{ type: 'text', text: 'Hold on Ada' }],
      status: 'handoff',
      activeBlockId: 'h',
    });
    expect(result.handoff).toEqual({
      blockId: 'h',
      settings: expect.objectContaining({ teamId: 'billing', priority: { mode: 'fixed', value: 'high' } }),
    });
    expect(await chat.say('hello?')).toMatchObject({ outputs: [], status: 'handoff' });
    expect(texts(await chat.send({ type: 'handback' }))).toEqual(['Bot again']);
  });

  test('human_handoff: offline (or a failing effect) follows "offline"; the host message wins', async () => {
    expect(texts((await start(handoffFlow, { handoff: 'offline' })).result)).toEqual(['Closed', 'Leave a note']);
    const failing = async () => Promise.reject(new Error('db down'));
    expect(texts((await start(handoffFlow, { handoff: failing })).result)).toEqual(['Closed', 'Leave a note']);
    const custom = async () => ({ outcome: 'handed_off' as const, message: 'An agent replies in ~5 minutes' });
    expect(texts((await start(handoffFlow, { handoff: custom })).result)).toEqual(['An agent replies in ~5 minutes']);
  });

  test('human_handoff: no agent in time follows "no_agent_timeout"', async () => {
    const { chat } = await start(handoffFlow);
    expect(texts(await chat.send({ type: 'no_agent_timeout' }))).toEqual(['Sorry for the wait']);
  });

  test('human_handoff: unconnected outputs — handback ends, a timeout keeps waiting for an agent', async () => {
    const bare = tinyFlow(
      [{ id: 'h', type: 'human_handoff', data: {} }, msg('off', 'offline')],
      [['h', 'offline', 'off']],
    );
    const { chat } = await start(bare);
    expect(await chat.send({ type: 'no_agent_timeout' })).toMatchObject({ status: 'handoff', outputs: [] });
    expect(await chat.send({ type: 'handback' })).toMatchObject({ status: 'ended', outputs: [], activeBlockId: null });
  });

  test('send_email: interpolated, and a failing send still moves on', async () => {
    const email = {
      id: 'mail',
      type: 'send_email',
      data: { to: '{{owner}}', subject: 'Lead {{name}}', body: 'Call {{name}}' },
    };
    const flow = tinyFlow([email, msg('after', 'sent')], [['mail', 'next', 'after']]);
    const { result, effects } = await start(flow, {}, { owner: 'boss@acme.example', name: 'Ada' });
    expect(effects.calls.emails).toEqual([{ to: 'boss@acme.example', subject: 'Lead Ada', body: 'Call Ada' }]);
    expect(texts(result)).toEqual(['sent']);
    const failing = await start(flow, { sendEmail: async () => Promise.reject(new Error('smtp')) });
    expect(texts(failing.result)).toEqual(['sent']);
  });
});
