import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { KnowledgeEmbedder } from './embeddings';
import { fusedScores } from './rank-fusion';
import { isQuestionFiller, rerank } from './rerank';
import type { ChunkRow } from './tables';
import { nearestChunks } from './vector-store';

export interface KnowledgeHit {
  id: number;
  sourceId: string;
  title: string;
  url: string | null;
  content: string;
  rank: number;
  /** Lexical hits: the share of the question's rarity weight the chunk holds (0..1), for the relevance cut-off. */
  coverage?: number;
}

/** A chunk found by a search, ranked `rank`. */
const toHit = (row: ChunkRow, rank: number): KnowledgeHit => ({
  id: Number(row.id),
  sourceId: row.source_id,
  title: row.title,
  url: row.url,
  content: row.content,
  rank,
});

export interface LexicalQuery {
  workspaceId: string;
  /** Only these sources; an empty list finds nothing (a block with no source chosen has no knowledge). */
  sourceIds: string[];
  question: string;
  limit?: number;
}

/** The most words of a question that are looked up (a pasted paragraph is not a question). */
const MAX_QUERY_WORDS = 24;

/** Full-text candidates read for the second-stage ranking (rerank.ts) of the few returned. */
const RERANK_CANDIDATES = 40;

/** BM25's inverse document frequency: a word in most chunks ("npm" in npm's docs) weighs next to nothing. */
export function inverseDocumentFrequency(chunks: number, withWord: number): number {
  return Math.log(1 + (chunks - withWord + 0.5) / (withWord + 0.5));
}

/**
 * PostgreSQL full-text search over the chunks (GIN index, english stemming), the same on PGlite. A chunk matches
 * when it holds any of the question's words (a visitor's phrasing rarely contains every word of the passage); it
 * ranks by the sum over those words of their rarity in the chosen sources (BM25's IDF, from one read of per-word
 * chunk counts) times `ts_rank` (frequency in the chunk, damped by its length). Without the rarity weight a chunk
 * full of a source's everyday words ("npm", "package") outranks the one holding the question's specific word.
 */
export async function searchChunksLexical(db: Kysely<Database>, query: LexicalQuery): Promise<KnowledgeHit[]> {
  const words = [...new Set(query.question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, MAX_QUERY_WORDS);
  if (words.length === 0 || query.sourceIds.length === 0) return [];
  const scope = sql`c.workspace_id = ${query.workspaceId} and c.source_id in (${sql.join(query.sourceIds)})`;
  const wordQuery = (word: string) => sql`plainto_tsquery('english', ${word})`;
  // Per word: how many chunks hold it (a stop word has no lexeme: -1), counted through the GIN index.
  const counts = words.map(
    (word, i) =>
      sql`case when numnode(${wordQuery(word)}) = 0 then -1 else (select count(*) from knowledge_chunks c where ${scope} and c.search @@ ${wordQuery(word)}) end as ${sql.ref(`w${i}`)}`,
  );
  const { rows: statRows } = await sql<Record<string, string | number>>`
    select (select count(*) from knowledge_chunks c where ${scope}) as total, ${sql.join(counts)}
  `.execute(db);
  const stats = statRows[0] ?? {};
  const total = Number(stats.total ?? 0);
  const counted = words
    .map((word, i) => ({ word, held: Number(stats[`w${i}`] ?? -1) }))
    .filter((w) => w.held >= 0 && !isQuestionFiller(w.word))
    // A word no chunk holds weighs the most: a question about what the sources never mention is covered less.
    .map((w) => ({ ...w, idf: inverseDocumentFrequency(total, w.held) }));
  const weighted = counted.filter((w) => w.held > 0);
  if (weighted.length === 0) return [];
  const rank: RawBuilder<number> = sql`(${sql.join(
    weighted.map((w) => sql`${w.idf}::float8 * ts_rank(c.search, ${wordQuery(w.word)}, 1)`),
    sql` + `,
  )})`;
  const websearch = weighted.map((w) => w.word).join(' or ');
  const { rows } = await sql<ChunkRow & { rank: number }>`
    select c.id, c.source_id, c.title, c.url, c.content, ${rank} as rank
    from knowledge_chunks c
    where ${scope} and c.search @@ websearch_to_tsquery('english', ${websearch})
    order by rank desc, c.id
    limit ${Math.max(query.limit ?? 5, RERANK_CANDIDATES)}
  `.execute(db);
  const hits = rows.map((row) => toHit(row, Number(row.rank)));
  return rerank(counted, hits)
    .slice(0, query.limit ?? 5)
    .map(({ score, coverage, ...hit }) => ({ ...hit, rank: score, coverage }));
}

/** Below this cosine similarity a vector hit is not a hit: an unrelated question finds nothing, as lexically. */
export const MIN_SIMILARITY = 0.2;

export interface HybridOptions {
  /** With an AI key; null/absent: lexical only (the offline provider, exactly as before). */
  embedder?: KnowledgeEmbedder | null;
  /** 'auto': pgvector's `<=>` when the extension is installed; 'array': the portable scan (see vector-store.ts). */
  engine?: 'auto' | 'array';
  minSimilarity?: number;
}

/** Hits from the vector ranking, most similar first; `rank` is the cosine similarity. */
export async function searchChunksByVector(
  db: Kysely<Database>,
  query: Omit<LexicalQuery, 'question'> & { vector: number[]; model: string },
  options: Pick<HybridOptions, 'engine' | 'minSimilarity'> = {},
): Promise<KnowledgeHit[]> {
  const rows = await nearestChunks(db, {
    workspaceId: query.workspaceId,
    sourceIds: query.sourceIds,
    vector: query.vector,
    model: query.model,
    limit: query.limit ?? 5,
    minSimilarity: options.minSimilarity ?? MIN_SIMILARITY,
    engine: options.engine,
  });
  return rows.map((row) => toHit(row, row.similarity));
}

/**
 * The question's vector, to search `sourceIds` by meaning; null without sources or words to embed, or when the
 * embeddings call fails (the caller keeps what full-text search found).
 */
export async function questionVector(
  embedder: KnowledgeEmbedder,
  question: string,
  sourceIds: readonly string[],
): Promise<number[] | null> {
  if (sourceIds.length === 0 || !question.trim()) return null;
  try {
    return await embedder.embedQuery(question);
  } catch {
    return null;
  }
}

/** Fuses a lexical and a vector ranking (RRF, k = 60) into the best `limit`; `rank` becomes the fused score. */
export function fuseHits(lexical: KnowledgeHit[], vector: KnowledgeHit[], limit: number): KnowledgeHit[] {
  return fusedScores([lexical, vector], (hit) => hit.id)
    .slice(0, limit)
    .map(({ item, score }) => ({ ...item, rank: score }));
}

/**
 * Hybrid retrieval: with an embedder, the question is embedded first (a network call: pass the pool, never a
 * transaction, and hold nothing around this function), then the top candidates by full-text search and by
 * vector similarity are read (two short reads) and fused with reciprocal rank fusion. Without an embedder, or
 * when the embeddings call fails, this is `searchChunksLexical` exactly.
 */
export async function searchChunks(
  db: Kysely<Database>,
  query: LexicalQuery,
  options: HybridOptions = {},
): Promise<KnowledgeHit[]> {
  const limit = query.limit ?? 5;
  const { embedder } = options;
  const vector = embedder && (await questionVector(embedder, query.question, query.sourceIds));
  if (!embedder || !vector) return searchChunksLexical(db, query);
  const candidates = Math.max(limit * 4, 20);
  const lexical = await searchChunksLexical(db, { ...query, limit: candidates });
  const nearest = await searchChunksByVector(
    db,
    { ...query, limit: candidates, vector, model: embedder.model },
    options,
  );
  return fuseHits(lexical, nearest, limit);
}
