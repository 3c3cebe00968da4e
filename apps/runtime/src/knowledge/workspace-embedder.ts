import type { Services } from '../services';
import { type KnowledgeEmbedder, knowledgeEmbedder } from './embeddings';

/**
 * The embedder for one workspace's knowledge: its saved AI settings (key, endpoint) or the server's, with the
 * server's OPENAI_EMBEDDING_MODEL; null when the workspace answers offline (lexical retrieval only).
 */
export function workspaceEmbedder(
  services: Pick<Services, 'aiSettings' | 'config'>,
  workspaceId: string,
): KnowledgeEmbedder | null {
  const settings = services.aiSettings.settingsFor(workspaceId);
  if (settings.provider !== 'openai' || !settings.apiKey) return null;
  return knowledgeEmbedder({
    apiKey: settings.apiKey,
    baseUrl: settings.baseUrl,
    embeddingModel: services.config.OPENAI_EMBEDDING_MODEL,
    timeoutMs: services.config.AI_TIMEOUT_MS,
  });
}
