import { interpolate, type Variables } from '@flowdesk/flow-schema';
import type { AnswerEffectRequest, AnswerEffectResult } from '../effects';
import { lastMessage } from '../machine/render';
import { effectState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Asks the host's `answer` effect about the last message: an answer is said and follows `answered`. */
export const compileAiAnswer: BlockCompiler<'ai_answer'> = (block, index) => {
  const notFound = { target: index.target(block.id, 'not_found') };
  return effectState(index, block.id, {
    src: 'answer',
    input: ({ context }): AnswerEffectRequest => answerRequest(block.data, context.variables),
    onDone: [
      {
        guard: 'answerFound',
        target: index.target(block.id, 'answered'),
        actions: { type: 'answered', params: { blockId: block.id } },
      },
      notFound,
    ],
    onError: notFound,
  });
};

function answerRequest(data: { instructions: string; knowledge: string }, vars: Variables): AnswerEffectRequest {
  return {
    question: lastMessage(vars),
    instructions: interpolate(data.instructions, vars),
    knowledge: interpolate(data.knowledge, vars),
    variables: vars,
  };
}

/** Only a non-blank answer the host says it found counts. */
export const isAnswerFound = (output: Partial<AnswerEffectResult> | undefined): boolean =>
  output?.found === true && typeof output.answer === 'string' && output.answer.trim() !== '';
