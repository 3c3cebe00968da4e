import type { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import type { z } from 'zod';

/**
 * prompt → model → zod-validated object. Schemas carry no constraint keywords (minLength, minimum, ...) since
 * OpenAI-compatible servers differ in which they accept in strict mode; callers check values with `requireText`.
 * The method is pinned to `jsonSchema` (response_format json_schema) so
 * every OpenAI-compatible server, including the test fake, sees the same request shape.
 */
export async function invokeStructured<S extends z.ZodObject>(
  model: ChatOpenAI,
  prompt: ChatPromptTemplate,
  schema: S,
  name: string,
  values: Record<string, unknown>,
): Promise<z.infer<S>> {
  const chain = prompt.pipe(model.withStructuredOutput(schema, { method: 'jsonSchema', name, strict: true }));
  const raw = await chain.invoke(values);
  return schema.parse(raw);
}

/** An empty answer is a failed call: throwing lets the caller fall back to the offline provider. */
export function requireText(value: string, what: string): string {
  const text = value.trim();
  if (!text) throw new Error(`The model returned an empty ${what}`);
  return text;
}
