import type { Intent } from '@flowdesk/flow-schema';
import { lastMessage } from '../machine/render';
import { effectState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Classifies the last message (host `classifyIntent`): a confident match follows that intent's output. */
export const compileMatchIntent: BlockCompiler<'match_intent'> = (block, index) => {
  const intents = block.data.intentIds.map((id) => index.intents.get(id)).filter((i): i is Intent => !!i);
  const noMatch = { target: index.target(block.id, 'no_match') };
  return effectState(index, block.id, {
    src: 'classifyIntent',
    input: ({ context }) => ({ text: lastMessage(context.variables), intents }),
    onDone: [
      ...intents.map((i) => ({
        guard: { type: 'intentMatched' as const, params: { intentId: i.id } },
        target: index.target(block.id, i.id),
      })),
      noMatch,
    ],
    onError: noMatch,
  });
};
