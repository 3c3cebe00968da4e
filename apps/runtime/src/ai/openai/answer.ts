import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { AnswerInput } from '../provider';
import { formatTranscript } from '../transcript';
import { invokeStructured } from './structured';

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'You answer website visitors using ONLY the knowledge below. If the knowledge does not contain the answer, ' +
      'set found to false and do not guess.\n\nInstructions from the bot owner:\n{instructions}\n\nKnowledge:\n{knowledge}',
  ],
  ['human', 'Conversation so far:\n{transcript}\n\nQuestion: {question}'],
]);

const schema = z.object({
  found: z.boolean().describe('true only when the knowledge contains the answer'),
  answer: z.string().describe('The answer for the visitor, or a short apology when not found'),
});

export async function answerWithModel(
  model: ChatOpenAI,
  input: AnswerInput,
): Promise<{ found: boolean; answer: string }> {
  return invokeStructured(model, prompt, schema, 'knowledge_answer', {
    instructions: input.instructions || '(none)',
    knowledge: input.knowledge || '(empty)',
    transcript: input.transcript ? formatTranscript(input.transcript) : '(none)',
    question: input.question,
  });
}
