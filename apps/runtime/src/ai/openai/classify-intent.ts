import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { type ClassifyIntentInput, DEFAULT_INTENT_THRESHOLD } from '../provider';
import { invokeStructured } from './structured';

const NONE = 'none';

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'Classify the visitor message into one of the intents below, or "none" if none fits. Give your confidence ' +
      'between 0 and 1.\n\nIntents (JSON):\n{intents}',
  ],
  ['human', '{text}'],
]);

export async function classifyIntentWithModel(
  model: ChatOpenAI,
  { text, intents, threshold = DEFAULT_INTENT_THRESHOLD }: ClassifyIntentInput,
): Promise<{ intentId: string | null; confidence: number }> {
  if (intents.length === 0 || !text.trim()) return { intentId: null, confidence: 0 };
  const schema = z.object({
    intentId: z.enum([NONE, ...intents.map((i) => i.id)]),
    confidence: z.number().describe('0 to 1'),
  });
  const catalogue = intents.map(({ id, name, description, phrases }) => ({ id, name, description, examples: phrases }));
  const result = await invokeStructured(model, prompt, schema, 'intent', { intents: JSON.stringify(catalogue), text });
  const confidence = Math.min(1, Math.max(0, result.confidence));
  const matched = result.intentId !== NONE && confidence >= threshold;
  return { intentId: matched ? result.intentId : null, confidence };
}
