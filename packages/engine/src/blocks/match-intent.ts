import type { Intent } from '@flowdesk/flow-schema';
import type { ClassifyIntentResult } from '../effects';
import type { FlowIndex } from '../machine/flow-index';
import { type Guard, outputOf } from '../machine/implement';
import { lastMessage } from '../machine/render';
import { effectState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Classifies the last message (host `classifyIntent`): a confident match follows that intent's output. */
export const compileMatchIntent: BlockCompiler<'match_intent'> = (block, index) => {
  const intents = block.data.intentIds.map((id) => index.intents.get(id)).filter((i): i is Intent => !!i);
  const noMatch = { target: index.target(block.id, 'no_match') };
  return effectState(index, block.id, {
    effect: 'classifyIntent',
    input: ({ context }) => ({ text: lastMessage(context.variables), intents }),
    onDone: [
      ...intents.map((i) => ({
        guard: { type: 'intentMatched' as const, params: { intentId: i.id } },
        target: index.target(block.id, i.id),
        actions: { type: 'intentMatchedAt' as const, params: { blockId: block.id, intentId: i.id } },
      })),
      noMatch,
    ],
    onError: noMatch,
  });
};

export function matchIntentImplementations(index: FlowIndex) {
  const threshold = index.doc.settings.intentThreshold;
  const intentMatched: Guard<{ intentId: string }> = ({ event }, params) => {
    const output = outputOf<ClassifyIntentResult>(event);
    return output?.intentId === params.intentId && Number(output.confidence) >= threshold;
  };
  return { guards: { intentMatched } };
}
