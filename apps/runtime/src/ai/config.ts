import { z } from 'zod';

/** AI settings from the environment. Empty values count as unset, so a blank OPENAI_API_KEY means offline. */

export type AiConfig = { apiKey?: string; baseUrl?: string; model?: string; timeoutMs?: number };

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const AiEnv = z.object({
  OPENAI_API_KEY: z.preprocess(blank, z.string().trim().optional()),
  OPENAI_BASE_URL: z.preprocess(blank, z.url().optional()),
  OPENAI_MODEL: z.preprocess(blank, z.string().trim().optional()),
  AI_TIMEOUT_MS: z.preprocess(blank, z.coerce.number().int().min(100).max(120_000).optional()),
});

export function aiConfigFromEnv(env: Record<string, string | undefined> = process.env): AiConfig {
  const parsed = AiEnv.parse(env);
  return {
    apiKey: parsed.OPENAI_API_KEY,
    baseUrl: parsed.OPENAI_BASE_URL,
    model: parsed.OPENAI_MODEL,
    timeoutMs: parsed.AI_TIMEOUT_MS,
  };
}
