import { type Kysely, sql } from 'kysely';
import { enableVectorSearch } from './0802_knowledge_embeddings';

/**
 * Embeddings of unchanged chunks are kept across re-indexing (issue 22): each chunk records the SHA-256 of the text
 * it is embedded from (knowledge/embeddings.ts `embeddingText`, hashed by `chunkTextHash`); a re-index copies the
 * vector of an old chunk with the same hash and embedding model instead of calling the embeddings API again.
 * Existing chunks get their hash here (the same text, computed in SQL), so the first re-index after the upgrade
 * already reuses their vectors.
 *
 * Also installs pgvector and its HNSW index where 0802 ran without it: the embedded PGlite loads pgvector since
 * this change, and a PostgreSQL server may have gained the extension since.
 */
/** `chunkTextHash` in SQL, over a knowledge_chunks row (exported for the test that compares the two). */
export const CONTENT_HASH_SQL = `encode(sha256(convert_to(
  case when title <> '' and not starts_with(content, title) then title || E'\\n' || content else content end,
  'UTF8')), 'hex')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table knowledge_chunks add column content_hash text`.execute(db);
  await sql`update knowledge_chunks set content_hash = ${sql.raw(CONTENT_HASH_SQL)}`.execute(db);
  await enableVectorSearch(db);
}
