import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { SuggestReplyInput } from '../provider';
import { formatTranscript } from '../transcript';
import { invokeStructured, requireText } from './structured';

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    "Draft the support agent's next reply to the visitor: friendly, concise, in the visitor's language, using the " +
      'knowledge when it answers their question. Never invent policies. The agent will edit it before sending.\n\n' +
      'Knowledge:\n{knowledge}',
  ],
  ['human', '{transcript}'],
]);

const schema = z.object({ reply: z.string() });

export async function suggestReplyWithModel(model: ChatOpenAI, input: SuggestReplyInput): Promise<{ reply: string }> {
  const { reply } = await invokeStructured(model, prompt, schema, 'suggested_reply', {
    knowledge: input.knowledge || '(none)',
    transcript: formatTranscript(input.transcript),
  });
  return { reply: requireText(reply, 'reply') };
}
