import { type Block, blockLabel, type FlowDocument, PROBLEM_CODES, type Problem } from '@flowdesk/flow-schema';
import type { EditResult } from './editor-state';
import { connect, createBlock } from './graph-ops';
import { newId, uniqueId } from './ids';
import { variableIndex } from './variables';

/** A one-click repair offered next to a problem in the Problems panel. */
export interface ProblemFix {
  /** The button's words, e.g. `Save into a new variable ("answer")`. */
  label: string;
  apply(doc: FlowDocument): FlowDocument;
}

/** Names a question's answer gets by its kind when it moves to a variable of its own. */
const NAME_BY_KIND: Record<string, string> = {
  text: 'answer',
  number: 'number',
  email: 'email',
  phone: 'phone',
  url: 'website',
  date: 'date',
  datetime: 'date_time',
  form: 'form',
};

type Details = Record<string, unknown>;
const detailsOf = (problem: Problem): Details =>
  typeof problem.details === 'object' && problem.details !== null ? (problem.details as Details) : {};
const blockById = (doc: FlowDocument, id: unknown) => doc.blocks.find((b) => b.id === id);

function newVariableFix(doc: FlowDocument, block: Block | undefined): ProblemFix | null {
  if (block?.type !== 'capture') return null;
  const taken = new Set(variableIndex(doc).map((v) => v.name));
  const name = uniqueId(NAME_BY_KIND[block.data.inputType] ?? 'answer', taken);
  return {
    label: `Save into a new variable ("${name}")`,
    apply: (current) => ({
      ...current,
      blocks: current.blocks.map((b) =>
        b.id === block.id && b.type === 'capture' ? { ...b, data: { ...b.data, saveAs: name } } : b,
      ),
    }),
  };
}

function connectExitFix(doc: FlowDocument, problem: Problem): ProblemFix | null {
  const { handle, suggestedTarget } = detailsOf(problem);
  const target = blockById(doc, suggestedTarget);
  if (!problem.blockId || typeof handle !== 'string' || !target) return null;
  const source = problem.blockId;
  return {
    label: `Connect it to ${blockLabel(target)}`,
    apply: (current) => connect(current, { source, sourceHandle: handle, target: target.id }),
  };
}

/** The first place at or below `near` where a new block covers no other (blocks are about 260 × 200). */
function freeSpotNear(doc: FlowDocument, near: { x: number; y: number }) {
  const spot = { ...near };
  const covers = (b: Block) => Math.abs(b.position.x - spot.x) < 290 && Math.abs(b.position.y - spot.y) < 220;
  while (doc.blocks.some(covers)) spot.y += 120;
  return spot;
}

/** Puts an "Ask for input" (a text question) on the connection leading into the AI answer. */
function askFirstFix(doc: FlowDocument, problem: Problem): ProblemFix | null {
  const edge = doc.edges.find((e) => e.id === problem.edgeId);
  const from = blockById(doc, edge?.source);
  const ai = blockById(doc, edge?.target);
  if (!edge || !from || !ai) return null;
  return {
    label: 'Insert an "Ask for input" before it',
    apply: (current) => {
      const taken = new Set(variableIndex(current).map((v) => v.name));
      const position = freeSpotNear(current, { x: (from.position.x + ai.position.x) / 2, y: ai.position.y + 200 });
      const question = createBlock(current, 'capture', position) as Extract<Block, { type: 'capture' }>;
      question.data = {
        ...question.data,
        prompt: 'What would you like to know?',
        inputType: 'text',
        saveAs: uniqueId('question', taken),
      };
      const edgeIds = new Set(current.edges.map((e) => e.id));
      const onward = { id: newId('e', edgeIds), source: question.id, sourceHandle: 'next', target: ai.id };
      return {
        ...current,
        blocks: [...current.blocks, question],
        edges: [...current.edges.map((e) => (e.id === edge.id ? { ...e, target: question.id } : e)), onward],
      };
    },
  };
}

/** The one-click fix for a problem, when there is a simple one. */
export function problemFix(doc: FlowDocument, problem: Problem): ProblemFix | null {
  switch (problem.code) {
    case PROBLEM_CODES.captureVariableReused:
      return newVariableFix(doc, blockById(doc, problem.blockId));
    case PROBLEM_CODES.handoffExitUnconnected:
      return connectExitFix(doc, problem);
    case PROBLEM_CODES.aiAnswerAfterButtons:
      return askFirstFix(doc, problem);
    default:
      return null;
  }
}

/** Applies a fix as one edit; a block it inserted comes out selected, so its settings open next. */
export function applyFix(fix: ProblemFix, doc: FlowDocument): FlowDocument | EditResult {
  const fixed = fix.apply(doc);
  const before = new Set(doc.blocks.map((b) => b.id));
  const added = fixed.blocks.filter((b) => !before.has(b.id)).map((b) => b.id);
  return added.length > 0 ? { doc: fixed, select: added } : fixed;
}
