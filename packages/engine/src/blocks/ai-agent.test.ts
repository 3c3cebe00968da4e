import { describe, expect, test } from 'vitest';
import { compileFlow } from '../compile';
import type { AgentTurnRequest, AgentTurnResult } from '../effects';
import { conversation, texts } from '../testing/conversation';
import { fakeEffects } from '../testing/fake-effects';
import { tinyFlow } from '../testing/tiny-flow';

const agentData = {
  instructions: 'Help {{name}} with orders.',
  knowledge: 'Orders ship in 2 days.',
  handoff: { enabled: true, whenToUse: 'The visitor asks for a person', gather: ['email', 'Order number'] },
};
const flow = tinyFlow(
  [
    { id: 'agent', type: 'ai_agent', data: agentData },
    { id: 'human', type: 'human_handoff', data: { confirmationMessage: 'A human joins: {{ai_handoff_reason}}' } },
  ],
  [['agent', 'handoff', 'human']],
);

/** A scripted agent: asks for the email until it has one, then hands off. */
async function scriptedAgent(req: AgentTurnRequest): Promise<AgentTurnResult> {
  const last = req.transcript.at(-1)?.text ?? '';
  if (!req.gathered.email) {
    const email = /\S+@\S+/.exec(last)?.[0];
    return email ? { reply: 'And your order number?', gathered: { email } } : { reply: 'Sure. What is your email?' };
  }
  return { handoff: { reason: 'Wants a person', gathered: { 'Order number': last }, priority: 'high' } };
}

describe('ai_agent block', () => {
  test('converses through agentTurn, then hands off with the gathered fields as variables', async () => {
    const effects = fakeEffects({ agentTurn: scriptedAgent });
    const chat = conversation(compileFlow(flow), effects);
    expect(await chat.start({ name: 'Ada' })).toMatchObject({ outputs: [], status: 'waiting', activeBlockId: 'agent' });
    expect(texts(await chat.say('I want a human'))).toEqual(['Sure. What is your email?']);
    expect(texts(await chat.say('ada@acme.example'))).toEqual(['And your order number?']);
    const last = await chat.say('A-1042');
    expect(last).toMatchObject({ status: 'handoff', handoff: { blockId: 'human' } });
    expect(texts(last)).toEqual(['A human joins: Wants a person']);
    expect(last.variables).toMatchObject({
      email: 'ada@acme.example',
      order_number: 'A-1042',
      ai_handoff_reason: 'Wants a person',
      ai_handoff_priority: 'high',
    });
    const third = effects.calls.agentTurns[2];
    expect(third?.instructions).toBe('Help Ada with orders.');
    expect(third?.gathered).toEqual({ email: 'ada@acme.example' });
    expect(third?.transcript).toEqual([
      { author: 'visitor', text: 'I want a human' },
      { author: 'bot', text: 'Sure. What is your email?' },
      { author: 'visitor', text: 'ada@acme.example' },
      { author: 'bot', text: 'And your order number?' },
      { author: 'visitor', text: 'A-1042' },
    ]);
  });

  test('a failing turn apologises and keeps waiting; a disabled handoff never leaves the block', async () => {
    const failing = conversation(compileFlow(flow), fakeEffects());
    await failing.start();
    expect(await failing.say('hello')).toMatchObject({ status: 'waiting', activeBlockId: 'agent' });
    const noHandoff = tinyFlow([{ id: 'agent', type: 'ai_agent', data: { handoff: { enabled: false } } }], []);
    const handsOff = async (): Promise<AgentTurnResult> => ({ handoff: { reason: 'x', gathered: {} } });
    const chat = conversation(compileFlow(noHandoff), fakeEffects({ agentTurn: handsOff }));
    await chat.start();
    const result = await chat.say('a person please');
    expect(result).toMatchObject({ status: 'waiting', activeBlockId: 'agent' });
    expect(texts(result)).toHaveLength(1);
  });
});
