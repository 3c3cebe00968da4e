import { type Kysely, sql } from 'kysely';

/**
 * Knowledge embeddings (issue 22 item 2): each chunk may carry a unit vector from the workspace's embedding model
 * (only when an AI key is set) and the model's name. The vector is a `real[]` on every database, so PGlite and a
 * PostgreSQL without pgvector store and rank it the same way; where the server offers pgvector, the extension is
 * created and an HNSW cosine index is built over `embedding::vector(1536)`. A server without it boots as before
 * (see knowledge/vector-store.ts for what each one does at question time).
 */
const HNSW_DIMENSIONS = 1536;

/**
 * Creates the pgvector extension and the HNSW index where the server offers the extension; does nothing (and never
 * fails) where it does not. Runs inside the migration's transaction, so each attempt sits in a savepoint: a
 * refused `create extension` (no privilege) leaves the migration intact.
 */
export async function enableVectorSearch(db: Kysely<unknown>): Promise<boolean> {
  const available = await sql<{ found: boolean }>`
    select exists(select 1 from pg_available_extensions where name = 'vector') as found`.execute(db);
  if (!available.rows[0]?.found) return false;
  const attempt = async (statement: string) => {
    if (db.isTransaction) await sql`savepoint flowdesk_vector`.execute(db);
    try {
      await sql.raw(statement).execute(db);
      if (db.isTransaction) await sql`release savepoint flowdesk_vector`.execute(db);
      return true;
    } catch {
      if (db.isTransaction) await sql`rollback to savepoint flowdesk_vector`.execute(db);
      return false;
    }
  };
  if (!(await attempt('create extension if not exists vector'))) return false;
  await attempt(
    `create index if not exists knowledge_chunks_embedding_hnsw on knowledge_chunks
       using hnsw ((embedding::vector(${HNSW_DIMENSIONS})) vector_cosine_ops)
       where array_length(embedding, 1) = ${HNSW_DIMENSIONS}`,
  );
  return true;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table knowledge_chunks add column embedding real[]`.execute(db);
  await sql`alter table knowledge_chunks add column embedding_model text`.execute(db);
  await enableVectorSearch(db);
}
