import { askInput, type FlowDocument, type Problem, validateFlow } from '@flowdesk/flow-schema';
import { expect, test } from 'vitest';
import { editorReducer, initialEditorState } from './editor-state';
import { applyFix, problemFix } from './problem-fixes';
import { sampleFlow, sampleFlowWith } from './test-flow';

const problem = (doc: FlowDocument, code: string) => validateFlow(doc).find((p) => p.code === code) as Problem;
const codes = (doc: FlowDocument) => validateFlow(doc).map((p) => p.code);

/** menu.pricing → "Your email?" (email) → "Anything else?" switched to Text, still saving into `email` → bye. */
function twoQuestions(): FlowDocument {
  return sampleFlowWith({
    blocks: [
      askInput('ask_mail', { x: 900, y: 200 }, 'Your email?', 'email', 'email'),
      askInput('ask_more', { x: 1200, y: 200 }, 'Anything else?', 'text', 'email'),
    ],
    edges: [
      { id: 'p1', source: 'menu', sourceHandle: 'pricing', target: 'ask_mail' },
      { id: 'p2', source: 'ask_mail', sourceHandle: 'next', target: 'ask_more' },
      { id: 'p3', source: 'ask_more', sourceHandle: 'next', target: 'bye' },
    ],
    replacing: 'e4',
  });
}

test('"save into a new variable" moves the second question to a free name for its kind', () => {
  const doc = twoQuestions();
  const fix = problemFix(doc, problem(doc, 'capture_variable_reused'))!;
  expect(fix.label).toBe('Save into a new variable ("answer")');
  const fixed = fix.apply(doc);
  expect(fixed.blocks.find((b) => b.id === 'ask_more')!.data).toMatchObject({ saveAs: 'answer', inputType: 'text' });
  expect(fixed.blocks.find((b) => b.id === 'ask_mail')!.data).toMatchObject({ saveAs: 'email' });
  expect(codes(fixed)).not.toContain('capture_variable_reused');
});

test('the handoff timeout exit is connected where the offline path goes; the hand-back exit has no fix', () => {
  const base = sampleFlow();
  const doc = {
    ...base,
    blocks: base.blocks.map((b) =>
      b.id === 'handoff' && b.type === 'human_handoff' ? { ...b, data: { ...b.data, noAgentTimeoutMinutes: 15 } } : b,
    ),
  };
  const found = validateFlow(doc).filter((p) => p.code === 'handoff_exit_unconnected');
  expect(found).toHaveLength(2);
  expect(problemFix(doc, found[0]!)).toBeNull();
  const fix = problemFix(doc, found[1]!)!;
  expect(fix.label).toBe('Connect it to "End conversation"');
  const fixed = fix.apply(doc);
  expect(fixed.edges.at(-1)).toMatchObject({ source: 'handoff', sourceHandle: 'no_agent_timeout', target: 'bye' });
  expect(validateFlow(fixed).filter((p) => p.code === 'handoff_exit_unconnected')).toHaveLength(1);
});

test('an "Ask for input" is inserted between the button and the AI answer, which then answers a typed question', () => {
  const base = sampleFlow();
  const doc = sampleFlowWith({
    blocks: [{ id: 'ai', type: 'ai_answer', position: { x: 900, y: 300 }, data: { knowledge: 'Prices: 10 €' } }],
    edges: [
      { id: 'to_ai', source: 'menu', sourceHandle: 'pricing', target: 'ai' },
      { id: 'a1', source: 'ai', sourceHandle: 'answered', target: 'bye' },
      { id: 'a2', source: 'ai', sourceHandle: 'not_found', target: 'handoff' },
    ],
    replacing: 'e4',
  });
  const fix = problemFix(doc, problem(doc, 'ai_answer_after_buttons'))!;
  const fixed = fix.apply(doc);
  const question = fixed.blocks.at(-1)!;
  expect(question).toMatchObject({ type: 'capture', data: { inputType: 'text', saveAs: 'question' } });
  expect(fixed.edges.find((e) => e.id === 'to_ai')).toMatchObject({ source: 'menu', target: question.id });
  expect(fixed.edges.at(-1)).toMatchObject({ source: question.id, sourceHandle: 'next', target: 'ai' });
  expect(codes(fixed)).not.toContain('ai_answer_after_buttons');
  const clear = (b: (typeof fixed.blocks)[number]) =>
    Math.abs(b.position.x - question.position.x) >= 290 || Math.abs(b.position.y - question.position.y) >= 220;
  expect(fixed.blocks.filter((b) => b.id !== question.id).every(clear)).toBe(true); // on top of no block
  expect(codes(fixed)).toEqual(codes(base)); // nothing new (the sample's {{name}} is never set)
  // Clicked in the editor: one undo step, and the inserted question is the selection (its settings open).
  const state = editorReducer(initialEditorState(doc), { type: 'apply', edit: (d) => applyFix(fix, d) });
  const inserted = state.history.present.blocks.at(-1)!;
  expect(inserted.type).toBe('capture');
  expect(state.history.present.blocks).toHaveLength(doc.blocks.length + 1);
  expect([...state.selection.blocks]).toEqual([inserted.id]);
  expect(editorReducer(state, { type: 'undo' }).history.present).toBe(doc);
});

test('a fix that inserts no block leaves the selection as it was', () => {
  const doc = twoQuestions();
  const fix = problemFix(doc, problem(doc, 'capture_variable_reused'))!;
  const selected = editorReducer(initialEditorState(doc), { type: 'select', blocks: ['ask_mail'] });
  const state = editorReducer(selected, { type: 'apply', edit: (d) => applyFix(fix, d) });
  expect([...state.selection.blocks]).toEqual(['ask_mail']);
});
