import { createHash } from 'node:crypto';
import { OpenAIEmbeddings } from '@langchain/openai';

/** The embedding model used when OPENAI_EMBEDDING_MODEL names none (1536 dimensions, cheap, good at retrieval). */
export const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';
/** Texts per embeddings request while indexing; each batch's vectors are stored before the next call. */
export const EMBEDDING_BATCH = 64;

/**
 * Turns texts into unit vectors (cosine similarity = dot product). Every method is a network call: call it with
 * no database connection or transaction held.
 */
export interface KnowledgeEmbedder {
  /** Stored next to each vector: vectors of another model are never compared with this one's. */
  readonly model: string;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

export interface EmbedderConfig {
  apiKey?: string;
  baseUrl?: string;
  model?: string;
  /** Ask the model for vectors of this length (text-embedding-3 models); default: the model's own length. */
  dimensions?: number;
  timeoutMs?: number;
}

/** A vector scaled to length 1 (a zero vector stays zero). */
export function normalise(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

/**
 * LangChain's OpenAIEmbeddings against the same endpoint and key as the chat model, or null without a key (the
 * offline provider: retrieval stays lexical only). Retries are off: a failed call is recorded on the source and
 * the source stays searchable lexically; re-indexing tries again.
 */
export function createKnowledgeEmbedder(config: EmbedderConfig): KnowledgeEmbedder | null {
  if (!config.apiKey) return null;
  const model = config.model || DEFAULT_EMBEDDING_MODEL;
  const client = new OpenAIEmbeddings({
    model,
    apiKey: config.apiKey,
    batchSize: EMBEDDING_BATCH,
    maxRetries: 0,
    maxConcurrency: 1,
    ...(config.dimensions ? { dimensions: config.dimensions } : {}),
    ...(config.timeoutMs ? { timeout: config.timeoutMs } : {}),
    ...(config.baseUrl ? { configuration: { baseURL: config.baseUrl } } : {}),
  });
  return {
    model: config.dimensions ? `${model}:${config.dimensions}` : model,
    embedDocuments: async (texts) => (await client.embedDocuments(texts)).map(normalise),
    embedQuery: async (text) => normalise(await client.embedQuery(text)),
  };
}

/** The text a chunk is embedded from: its title (page or question) and its content. */
export function embeddingText(chunk: { title: string; content: string }): string {
  return chunk.title && !chunk.content.startsWith(chunk.title) ? `${chunk.title}\n${chunk.content}` : chunk.content;
}

/**
 * What a chunk's vector is reused by across re-indexing (with the embedding model): the SHA-256 of its
 * `embeddingText`, hex. Migration 0803 computes the same in SQL for chunks stored before it.
 */
export function chunkTextHash(chunk: { title: string; content: string }): string {
  return createHash('sha256').update(embeddingText(chunk), 'utf8').digest('hex');
}

/** The AI settings an embedder is made from (the server's environment or a workspace's saved settings). */
export interface EmbedderSettings {
  apiKey: string | null | undefined;
  baseUrl: string | null | undefined;
  /** OPENAI_EMBEDDING_MODEL. */
  embeddingModel: string;
  timeoutMs: number;
}

const embedders = new Map<string, KnowledgeEmbedder | null>();

/** One embedder per key + endpoint + model (built once; null without a key: lexical retrieval only). */
export function knowledgeEmbedder(settings: EmbedderSettings): KnowledgeEmbedder | null {
  if (!settings.apiKey) return null;
  const id = JSON.stringify([settings.apiKey, settings.baseUrl, settings.embeddingModel, settings.timeoutMs]);
  if (!embedders.has(id)) {
    if (embedders.size > 100) embedders.clear();
    embedders.set(
      id,
      createKnowledgeEmbedder({
        apiKey: settings.apiKey,
        baseUrl: settings.baseUrl ?? undefined,
        model: settings.embeddingModel,
        timeoutMs: settings.timeoutMs,
      }),
    );
  }
  return embedders.get(id) ?? null;
}

/** The server's embedder (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_EMBEDDING_MODEL), null without a key. */
export function serverEmbedder(config: {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_EMBEDDING_MODEL: string;
  AI_TIMEOUT_MS: number;
}): KnowledgeEmbedder | null {
  return knowledgeEmbedder({
    apiKey: config.OPENAI_API_KEY,
    baseUrl: config.OPENAI_BASE_URL,
    embeddingModel: config.OPENAI_EMBEDDING_MODEL,
    timeoutMs: config.AI_TIMEOUT_MS,
  });
}
