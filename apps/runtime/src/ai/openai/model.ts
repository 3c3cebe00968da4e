import { ChatOpenAI } from '@langchain/openai';

export type OpenAiConfig = { apiKey: string; baseUrl?: string; model?: string; timeoutMs?: number };

export const DEFAULT_MODEL = 'gpt-4o-mini';

/** A ChatOpenAI client for any OpenAI-compatible endpoint. Retries are off: the caller falls back offline instead. */
export function createChatModel(config: OpenAiConfig): ChatOpenAI {
  return new ChatOpenAI({
    model: config.model || DEFAULT_MODEL,
    apiKey: config.apiKey,
    maxRetries: 0,
    ...(config.timeoutMs ? { timeout: config.timeoutMs } : {}),
    ...(config.baseUrl ? { configuration: { baseURL: config.baseUrl } } : {}),
  });
}
