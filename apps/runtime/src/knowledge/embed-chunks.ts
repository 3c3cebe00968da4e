import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { EMBEDDING_BATCH, embeddingText, type KnowledgeEmbedder } from './embeddings';
import { recordEmbeddingFailure, type StoredChunk, storeEmbeddings } from './sources';

/**
 * Embeds a source's freshly committed chunks, one batch per call, each call made with no connection or
 * transaction held and each batch's vectors stored in a new short transaction. A failed call stops the step and
 * is recorded on the source; the chunks stored before stay searchable (lexically, and by vector for the
 * batches already stored). Never throws.
 */
export async function embedStoredChunks(
  db: Kysely<Database>,
  sourceId: string,
  chunks: StoredChunk[],
  embedder: KnowledgeEmbedder,
): Promise<{ embedded: number; error?: string }> {
  let embedded = 0;
  try {
    for (let start = 0; start < chunks.length; start += EMBEDDING_BATCH) {
      const batch = chunks.slice(start, start + EMBEDDING_BATCH);
      const vectors = await embedder.embedDocuments(batch.map(embeddingText));
      if (vectors.length !== batch.length || vectors.some((vector) => vector.length === 0))
        throw new Error(`the embeddings endpoint answered ${vectors.length} vectors for ${batch.length} texts`);
      await storeEmbeddings(
        db,
        embedder.model,
        batch.map((chunk, index) => ({ id: chunk.id, vector: vectors[index] ?? [] })),
      );
      embedded += batch.length;
    }
    return { embedded };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await recordEmbeddingFailure(db, sourceId, reason).catch(() => undefined);
    return { embedded, error: reason };
  }
}
