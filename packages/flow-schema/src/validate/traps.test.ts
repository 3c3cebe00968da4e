import { describe, expect, test } from 'vitest';
import type { FlowDocumentInput } from '../document';
import { validateFlow } from './index';
import { sampleFlow } from './sample-flow';

// Issue 20 item 4: traps a non-technical admin falls into without noticing.
type Blocks = Array<Record<string, unknown> & { id: string; data?: Record<string, unknown> }>;
type Flow = FlowDocumentInput & { blocks: Blocks };
const flowWith = (change: (flow: Flow) => void): Flow => {
  const flow = structuredClone(sampleFlow()) as Flow;
  change(flow);
  return flow;
};
const found = (flow: Flow, code: string) => validateFlow(flow).filter((p) => p.code === code);
const block = (flow: Flow, id: string) => flow.blocks.find((b) => b.id === id)!;
/** `code` is reported once on `flow`: a warning matching `expected`, worded exactly `message`. */
const expectOneWarning = (flow: Flow, code: string, expected: Record<string, unknown>, message: string) => {
  const problems = found(flow, code);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ severity: 'warning', ...expected });
  expect(problems[0]!.message).toBe(message);
};

describe('two "Ask for input" blocks saving into the same variable', () => {
  // cap (Email → email) → cond.true → name question switched from Email to Text, still saving into `email`.
  const twoCaptures = (inputType: string, saveAs = 'email') =>
    flowWith((f) => {
      f.blocks.push({
        id: 'cap2',
        type: 'capture',
        position: { x: 900, y: 0 },
        data: { prompt: 'And your name?', inputType, saveAs },
      });
      Object.assign(f.edges![4]!, { target: 'cap2' });
      f.edges!.push({ id: 'e9', source: 'cap2', sourceHandle: 'next', target: 'bye' });
    });

  test('a second one of another kind that overwrites the first answer is reported on the second', () => {
    expectOneWarning(
      twoCaptures('text'),
      'capture_variable_reused',
      { blockId: 'cap2', details: { variable: 'email', otherBlockId: 'cap' } },
      '"Ask for input" saves a text answer into "email", which "Ask for input" already fills with an email address: the second answer overwrites the first. Save it into a new variable.',
    );
  });

  test('the same kind of question asked on two paths (both emails) is fine, and so are different variables', () => {
    expect(found(twoCaptures('email'), 'capture_variable_reused')).toEqual([]);
    expect(found(twoCaptures('text', 'name'), 'capture_variable_reused')).toEqual([]);
  });
});

describe('a handoff with a reply timeout whose later exits lead nowhere', () => {
  const withTimeout = (minutes: number | null, connect: string[] = []) =>
    flowWith((f) => {
      Object.assign(block(f, 'handoff').data!, { noAgentTimeoutMinutes: minutes });
      for (const handle of connect)
        f.edges!.push({ id: `x_${handle}`, source: 'handoff', sourceHandle: handle, target: 'bye' });
    });

  test('each empty exit is reported; the timeout one suggests the offline path as its target', () => {
    const problems = found(withTimeout(30), 'handoff_exit_unconnected');
    expect(problems.map((p) => p.details)).toEqual([
      { handle: 'handed_off' },
      { handle: 'no_agent_timeout', suggestedTarget: 'cap' },
    ]);
    expect(problems.every((p) => p.blockId === 'handoff' && p.severity === 'warning')).toBe(true);
    expect(problems[1]!.message).toBe(
      '"Human handoff" waits 30 minutes for an agent, but its "No agent replied in time" exit is not connected: if nobody replies in time, the conversation just stops.',
    );
    expect(problems[0]!.message).toContain('"Handed back to the bot" exit is not connected');
  });

  test('no timeout, or both exits connected: nothing to report', () => {
    expect(found(withTimeout(null), 'handoff_exit_unconnected')).toEqual([]);
    expect(found(withTimeout(30, ['handed_off', 'no_agent_timeout']), 'handoff_exit_unconnected')).toEqual([]);
    expect(found(withTimeout(30, ['handed_off']), 'handoff_exit_unconnected').map((p) => p.details)).toEqual([
      { handle: 'no_agent_timeout', suggestedTarget: 'cap' },
    ]);
  });
});

describe('an AI answer right after buttons', () => {
  const aiAfter = (handle: string, via?: 'message' | 'capture') =>
    flowWith((f) => {
      f.blocks.push({
        id: 'ai',
        type: 'ai_answer',
        position: { x: 600, y: 200 },
        data: { knowledge: 'Opening hours: 9-5' },
      });
      Object.assign(block(f, 'ask').data!, { allowTyping: true });
      let from = { source: 'ask', sourceHandle: handle };
      if (via === 'message')
        f.blocks.push({
          id: 'say',
          type: 'message',
          position: { x: 400, y: 200 },
          data: { content: { type: 'text', text: 'Sure.' } },
        });
      if (via === 'capture')
        f.blocks.push({
          id: 'say',
          type: 'capture',
          position: { x: 400, y: 200 },
          data: { prompt: 'Your question?', inputType: 'text', saveAs: 'question' },
        });
      if (via) {
        f.edges!.push({ id: 'to_say', ...from, target: 'say' });
        from = { source: 'say', sourceHandle: 'next' };
      }
      f.edges = f.edges!.filter((e) => !(e.source === from.source && e.sourceHandle === from.sourceHandle));
      f.edges.push(
        { id: 'to_ai', ...from, target: 'ai' },
        { id: 'ai1', source: 'ai', sourceHandle: 'answered', target: 'bye' },
        { id: 'ai2', source: 'ai', sourceHandle: 'not_found', target: 'handoff' },
      );
    });

  test('reached from a button (directly or through a message) it is reported, naming the button', () => {
    for (const via of [undefined, 'message'] as const) {
      expectOneWarning(
        aiAfter('email', via),
        'ai_answer_after_buttons',
        { blockId: 'ai', edgeId: 'to_ai', details: { buttonsBlockId: 'ask', button: 'Email me' } },
        '"AI answer" comes right after the buttons of "Ask with buttons": it would answer the button\'s label ("Email me") instead of a question. Ask for the question first with an "Ask for input" block.',
      );
    }
  });

  test('after typed text, or after a question in between, it is fine', () => {
    expect(found(aiAfter('typed'), 'ai_answer_after_buttons')).toEqual([]);
    expect(found(aiAfter('email', 'capture'), 'ai_answer_after_buttons')).toEqual([]);
  });
});
