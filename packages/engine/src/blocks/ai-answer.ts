import { interpolate, setPath, type Variables } from '@flowdesk/flow-schema';
import type { AnswerEffectRequest, AnswerEffectResult } from '../effects';
import type { FlowIndex } from '../machine/flow-index';
import { type BlockParams, emitAndAssign, type Guard, outputOf } from '../machine/implement';
import { citedText, lastMessage } from '../machine/render';
import { effectState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Asks the host's `answer` effect about the last message: an answer is said and follows `answered`. */
export const compileAiAnswer: BlockCompiler<'ai_answer'> = (block, index) => {
  const notFound = { target: index.target(block.id, 'not_found') };
  return effectState(index, block.id, {
    effect: 'answer',
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

function answerRequest(
  data: { instructions: string; knowledge: string; knowledgeSourceIds: string[] },
  vars: Variables,
): AnswerEffectRequest {
  return {
    question: lastMessage(vars),
    instructions: interpolate(data.instructions, vars),
    knowledge: interpolate(data.knowledge, vars),
    ...(data.knowledgeSourceIds.length > 0 ? { knowledgeSourceIds: data.knowledgeSourceIds } : {}),
    variables: vars,
  };
}

export function aiAnswerImplementations(index: FlowIndex) {
  /** Only a non-blank answer the host says it found counts. */
  const answerFound: Guard<undefined> = ({ event }) => {
    const output = outputOf<AnswerEffectResult>(event);
    return output?.found === true && typeof output.answer === 'string' && output.answer.trim() !== '';
  };
  return {
    actions: {
      /** Says the answer and saves it when the block asks to. */
      answered: emitAndAssign<BlockParams>(({ context, event }, params) => {
        const { data } = index.block(params.blockId, 'ai_answer');
        const output = outputOf<AnswerEffectResult>(event);
        const answer = String(output?.answer ?? '');
        return {
          emits: [{ type: 'output', content: citedText(answer, output?.citations) }],
          ...(data.saveAs ? { assign: { variables: setPath(context.variables, data.saveAs, answer) } } : {}),
        };
      }),
    },
    guards: { answerFound },
  };
}
