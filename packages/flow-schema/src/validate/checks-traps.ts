import { blockDefinitions, HANDOFF_OUTPUTS, NO_MATCH_OUTPUT, TYPED_OUTPUT } from '../blocks';
import type { Block, FlowDocument } from '../document';
import { buildGraph, type FlowGraph, outputKey } from './graph';
import { blockLabel } from './parse';
import { PROBLEM_CODES as C, type Problem, warning } from './problems';

/** Traps that run fine but surprise the admin (issue 20): each problem says what goes wrong and what to do. */

const ANSWER_KINDS: Record<string, string> = {
  text: 'a text answer',
  number: 'a number',
  email: 'an email address',
  phone: 'a phone number',
  url: 'a web address',
  date: 'a date',
  datetime: 'a date and time',
  form: 'a form',
};
const kind = (inputType: string) => ANSWER_KINDS[inputType] ?? 'an answer';

/** A question of another kind saving into a variable an earlier question fills: one answer overwrites the other. */
function checkCaptureVariables(doc: FlowDocument, problems: Problem[]): void {
  const first = new Map<string, Extract<Block, { type: 'capture' }>>();
  for (const block of doc.blocks) {
    if (block.type !== 'capture') continue;
    const earlier = first.get(block.data.saveAs);
    if (!earlier) {
      first.set(block.data.saveAs, block);
      continue;
    }
    if (earlier.data.inputType === block.data.inputType) continue; // the same question on another path
    problems.push(
      warning(
        C.captureVariableReused,
        `${blockLabel(block)} saves ${kind(block.data.inputType)} into "${block.data.saveAs}", which ${blockLabel(earlier)} already fills with ${kind(earlier.data.inputType)}: the second answer overwrites the first. Save it into a new variable.`,
        { blockId: block.id, details: { variable: block.data.saveAs, otherBlockId: earlier.id } },
      ),
    );
  }
}

/** With a reply timeout set, the handoff's later exits are taken for real; left empty, the conversation stops. */
function checkHandoffExits(graph: FlowGraph, problems: Problem[]): void {
  for (const block of graph.blocks.values()) {
    if (block.type !== 'human_handoff' || block.data.noAgentTimeoutMinutes === null) continue;
    const minutes = block.data.noAgentTimeoutMinutes;
    const target = (handle: string) => graph.edgesByOutput.get(outputKey(block.id, handle))?.[0]?.target;
    for (const handle of graph.outputs.get(block.id) ?? []) {
      if (target(handle.id) !== undefined) continue;
      if (handle.id === HANDOFF_OUTPUTS.handedOff)
        problems.push(
          warning(
            C.handoffExitUnconnected,
            `${blockLabel(block)} has a reply timeout, but its "${handle.label}" exit is not connected: when an agent hands the conversation back, the bot has nothing more to say and the conversation ends.`,
            { blockId: block.id, details: { handle: handle.id } },
          ),
        );
      if (handle.id === HANDOFF_OUTPUTS.noAgentTimeout) {
        const offline = target(HANDOFF_OUTPUTS.offline);
        problems.push(
          warning(
            C.handoffExitUnconnected,
            `${blockLabel(block)} waits ${minutes} minute${minutes === 1 ? '' : 's'} for an agent, but its "${handle.label}" exit is not connected: if nobody replies in time, the conversation just stops.`,
            {
              blockId: block.id,
              details: {
                handle: handle.id,
                ...(offline && graph.blocks.has(offline) ? { suggestedTarget: offline } : {}),
              },
            },
          ),
        );
      }
    }
  }
}

/**
 * An AI answer reached from a button without waiting for the visitor in between answers the visitor's last
 * message: the button's label. Typed text (the buttons' typed / no-match exits) is a real question.
 */
function checkAiAfterButtons(graph: FlowGraph, problems: Problem[]): void {
  const reported = new Set<string>();
  for (const buttons of graph.blocks.values()) {
    if (buttons.type !== 'buttons') continue;
    for (const button of graph.outputs.get(buttons.id) ?? []) {
      if (button.id === TYPED_OUTPUT || button.id === NO_MATCH_OUTPUT) continue; // typed text is a real question
      const seen = new Set<string>();
      const queue = [...(graph.edgesByOutput.get(outputKey(buttons.id, button.id)) ?? [])];
      for (let edge = queue.shift(); edge !== undefined; edge = queue.shift()) {
        const next = graph.blocks.get(edge.target);
        if (!next || seen.has(next.id)) continue;
        seen.add(next.id);
        if (next.type === 'ai_answer') {
          if (reported.has(`${buttons.id}>${next.id}`)) continue;
          reported.add(`${buttons.id}>${next.id}`);
          problems.push(
            warning(
              C.aiAnswerAfterButtons,
              `${blockLabel(next)} comes right after the buttons of ${blockLabel(buttons)}: it would answer the button's label ("${button.label}") instead of a question. Ask for the question first with an "Ask for input" block.`,
              { blockId: next.id, edgeId: edge.id, details: { buttonsBlockId: buttons.id, button: button.label } },
            ),
          );
          continue;
        }
        if (blockDefinitions[next.type].waitsForInput) continue;
        for (const handle of graph.outputs.get(next.id) ?? [])
          queue.push(...(graph.edgesByOutput.get(outputKey(next.id, handle.id)) ?? []));
      }
    }
  }
}

export function checkTraps(doc: FlowDocument, broken: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const graph = buildGraph(doc, broken);
  checkCaptureVariables(doc, problems);
  checkHandoffExits(graph, problems);
  checkAiAfterButtons(graph, problems);
  return problems;
}
