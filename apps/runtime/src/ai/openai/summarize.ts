import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { SummarizeInput } from '../provider';
import { formatTranscript } from '../transcript';
import { invokeStructured, requireText } from './structured';

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'You write handoff notes for customer-support agents taking over a chat from a bot. In at most 4 short lines say: ' +
      'who the visitor is, what they want, what the bot already tried, and every captured detail (emails, order ' +
      'numbers, variables) verbatim. Mention the tone if the visitor is upset. Plain text, no greeting.',
  ],
  ['human', 'Visitor: {visitor}\nCaptured variables: {variables}\n\nTranscript:\n{transcript}'],
]);

const schema = z.object({ summary: z.string().describe('The handoff note') });

export async function summarizeWithModel(model: ChatOpenAI, input: SummarizeInput): Promise<{ summary: string }> {
  const { summary } = await invokeStructured(model, prompt, schema, 'handoff_summary', {
    visitor: JSON.stringify(input.visitor ?? {}),
    variables: JSON.stringify(input.variables),
    transcript: formatTranscript(input.transcript),
  });
  return { summary: requireText(summary, 'summary') };
}
