import type { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';

export type JsonSchema = { [key: string]: unknown };

/** The keywords of OpenAI's strict structured-output subset of JSON Schema. Anything else is left out. */
const STRICT_KEYWORDS = new Set([
  'type',
  'description',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  '$defs',
  '$ref',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
]);

function strictNode(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (!STRICT_KEYWORDS.has(key)) continue;
    if ((key === 'properties' || key === '$defs') && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, strictNode(child)]));
    } else if (key === 'items' && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = strictNode(value as JsonSchema);
    } else if (key === 'anyOf' && Array.isArray(value)) {
      out[key] = value.map((child) => strictNode(child as JsonSchema));
    } else {
      out[key] = value;
    }
  }
  if (out.type === 'object') {
    // Strict mode: every object is closed and lists every property as required.
    out.properties ??= {};
    out.required = Object.keys(out.properties as JsonSchema);
    out.additionalProperties = false;
  }
  return out;
}

/**
 * A zod object as OpenAI's strict structured-output subset: no `$schema` or `title`, only subset keywords,
 * `additionalProperties: false` and every property required on each object. Optional fields cannot be expressed
 * (strict mode has no optional properties), so schemas use nullable ones instead.
 */
export function strictJsonSchema(schema: z.ZodObject): JsonSchema {
  return strictNode(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw' }) as JsonSchema);
}

/**
 * prompt → model → zod-validated object. The model gets the strict JSON Schema built here (LangChain's own
 * conversion of a zod schema adds `$schema` and a `title` on every property). Schemas carry no constraint
 * keywords (minLength, minimum, ...) since OpenAI-compatible servers differ in which they accept in strict mode;
 * callers check values with `requireText`. The method is pinned to `jsonSchema` (response_format json_schema) so
 * every OpenAI-compatible server, including the test fake, sees the same request shape.
 */
export async function invokeStructured<S extends z.ZodObject>(
  model: ChatOpenAI,
  prompt: ChatPromptTemplate,
  schema: S,
  name: string,
  values: Record<string, unknown>,
): Promise<z.infer<S>> {
  const format = strictJsonSchema(schema);
  const chain = prompt.pipe(model.withStructuredOutput(format, { method: 'jsonSchema', name, strict: true }));
  const raw = await chain.invoke(values);
  return schema.parse(raw);
}

/** An empty answer is a failed call: throwing lets the caller fall back to the offline provider. */
export function requireText(value: string, what: string): string {
  const text = value.trim();
  if (!text) throw new Error(`The model returned an empty ${what}`);
  return text;
}
