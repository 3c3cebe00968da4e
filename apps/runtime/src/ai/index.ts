import { ConfigSchema } from '../config';
import { createOfflineProvider } from './offline/offline-provider';
import { createOpenAiProvider } from './openai/openai-provider';
import type { AiProvider } from './provider';
import { type AiLogger, withFallback, withLogging } from './resilient-provider';

export { fieldKey, gatherFields } from './fields';
export { createOfflineProvider } from './offline/offline-provider';
export type * from './provider';
export { DEFAULT_INTENT_THRESHOLD } from './provider';
export { type AiLogger, answeredBy } from './resilient-provider';
export { formatTranscript } from './transcript';

/** `timeoutMs` is the AI_TIMEOUT_MS setting. */
export type AiConfig = { apiKey?: string; baseUrl?: string; model?: string; timeoutMs?: number };

/** The AI_TIMEOUT_MS default, for providers built without a Config. */
export const DEFAULT_AI_TIMEOUT_MS: number = ConfigSchema.shape.AI_TIMEOUT_MS.parse(undefined);

/**
 * The AI provider for the runtime: LangChain ChatOpenAI when a key is set, each call bounded by a timeout and
 * answered offline when the model fails; the offline wink-nlp provider alone when there is no key.
 * `answeredBy(provider, result)` tells which of the two produced a result.
 */
export function createAiProvider(config: AiConfig = {}, logger?: AiLogger): AiProvider {
  const offline = createOfflineProvider();
  if (!config.apiKey) return withLogging(offline, logger);
  const timeoutMs = config.timeoutMs ?? DEFAULT_AI_TIMEOUT_MS;
  const openai = createOpenAiProvider({ ...config, apiKey: config.apiKey, timeoutMs });
  return withFallback(openai, offline, { timeoutMs, logger, secrets: [config.apiKey] });
}
