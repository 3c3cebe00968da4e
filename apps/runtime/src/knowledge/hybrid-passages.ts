import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { KnowledgeEmbedder } from './embeddings';
import { GROUNDING_PASSAGES, type Grounded, type RetrievedPassage } from './grounding';
import { readablePassage } from './readable';
import { fuseHits, type KnowledgeHit, questionVector, searchChunksByVector } from './search';

/** What an AI call's request carries so its passages can be completed by meaning after the step committed. */
export interface KnowledgeQuery {
  workspaceId: string;
  question: string;
}

export type HybridGrounded = Grounded & { knowledgeQuery?: KnowledgeQuery };

/**
 * Completes the passages an AI call's request carries (found by full-text search in the step's transaction) with
 * the vector ranking, fused by RRF: the question is embedded with no database held (this runs after commit, where
 * the model is called), then one short read gets the nearest chunks. Without an embedder (no key, the offline
 * provider), without sources, or when the embeddings call fails, the request is returned as it is.
 */
export async function withVectorPassages<R extends HybridGrounded>(
  db: Kysely<Database>,
  embedder: KnowledgeEmbedder | null,
  request: R,
): Promise<R> {
  const query = request.knowledgeQuery;
  const sourceIds = request.knowledgeSourceIds ?? [];
  if (!embedder || !query) return request;
  const vector = await questionVector(embedder, query.question, sourceIds);
  if (!vector) return request;
  const nearest = await searchChunksByVector(db, {
    workspaceId: query.workspaceId,
    sourceIds,
    vector,
    model: embedder.model,
    limit: GROUNDING_PASSAGES * 4,
  });
  const lexical: KnowledgeHit[] = (request.retrieved ?? []).map((passage) => ({
    id: passage.chunkId,
    sourceId: '',
    title: passage.title,
    url: passage.url,
    content: passage.text,
    rank: 0,
  }));
  const known = new Map((request.retrieved ?? []).map((passage) => [passage.chunkId, passage]));
  const retrieved: RetrievedPassage[] = fuseHits(lexical, nearest, GROUNDING_PASSAGES)
    .map(
      (hit) =>
        known.get(hit.id) ?? { chunkId: hit.id, title: hit.title, url: hit.url, text: readablePassage(hit.content) },
    )
    .filter((passage) => passage.text !== '');
  return { ...request, retrieved };
}
