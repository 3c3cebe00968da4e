import { Priority as PrioritySchema } from '@flowdesk/contract';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { PrioritizeInput, Priority } from '../provider';
import { formatTranscript } from '../transcript';
import { invokeStructured, requireText } from './structured';

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'You triage support chats. Choose a priority: urgent (outage, security incident, data loss, legal threat, ' +
      'an angry customer with a payment problem), high (payment failure, double charge, refund, cannot log in, ' +
      'anger), medium (something broken, late delivery, cancellation, billing question), low (general questions). ' +
      'Give a one-line reason naming the signal.',
  ],
  ['human', '{transcript}'],
]);

const schema = z.object({
  priority: PrioritySchema,
  reason: z.string().describe('One line naming the signal, e.g. "Double charge and angry tone"'),
});

export async function prioritizeWithModel(
  model: ChatOpenAI,
  input: PrioritizeInput,
): Promise<{ priority: Priority; reason: string }> {
  const result = await invokeStructured(model, prompt, schema, 'priority', {
    transcript: formatTranscript(input.transcript),
  });
  return { priority: result.priority, reason: requireText(result.reason, 'priority reason') };
}
