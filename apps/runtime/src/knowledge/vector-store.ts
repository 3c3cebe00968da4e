import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { ChunkRow } from './tables';

/**
 * Where chunk embeddings live and how they are ranked (issue 22 item 2).
 *
 * Storage is the same everywhere: `knowledge_chunks.embedding real[]` (unit vectors) and `embedding_model`
 * (vectors of another model, or another length, are never compared). Ranking depends on the database:
 * - The embedded PGlite (it loads @electric-sql/pglite-pgvector) and PostgreSQL with the pgvector extension
 *   (`vector` installed by migrations 0802/0803 where available): cosine distance
 *   `embedding::vector(n) <=> query::vector(n)` in SQL, served by an HNSW expression index for 1536-long vectors
 *   (text-embedding-3-small); other lengths are ranked by the same operator without an index. HNSW filters the
 *   workspace and sources after its graph walk; pgvector >= 0.8 walks on (iterative scan) until `limit` rows pass.
 * - PostgreSQL without pgvector (e.g. Debian's packages without postgresql-NN-pgvector): an exact scan in SQL, the
 *   dot product of the two arrays (`unnest(a, b)`) over the chosen sources' chunks of the workspace. Cost grows with
 *   chunks x dimensions: fine for a workspace's knowledge (thousands of chunks; seconds at 10 000 x 1536 in
 *   BENCHMARKS.md), not for more - install pgvector for that.
 */

export const HNSW_DIMENSIONS = 1536;

/** The installed `vector` extension's version, null without it (cached per connection pool; never fails). */
const installed = new WeakMap<object, Promise<string | null>>();
function vectorExtensionVersion(db: Kysely<Database>): Promise<string | null> {
  let known = installed.get(db);
  if (!known) {
    known = sql<{ version: string }>`select extversion as version from pg_extension where extname = 'vector'`
      .execute(db)
      .then((result) => result.rows[0]?.version ?? null)
      .catch(() => null);
    installed.set(db, known);
  }
  return known;
}

/** Whether `vector` is installed in this database. */
export async function hasVectorExtension(db: Kysely<Database>): Promise<boolean> {
  return (await vectorExtensionVersion(db)) !== null;
}

/** pgvector 0.8 added iterative index scans (`hnsw.iterative_scan`); older versions refuse the setting. */
function hasIterativeScan(version: string) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 0 || minor >= 8;
}

/** A vector as a PostgreSQL array literal (numbers only: safe to bind as one text parameter). */
export function arrayLiteral(vector: number[]): string {
  return `{${vector.map((value) => (Number.isFinite(value) ? value : 0)).join(',')}}`;
}

export interface VectorQuery {
  workspaceId: string;
  sourceIds: string[];
  vector: number[];
  model: string;
  limit: number;
  /** Hits less similar than this (cosine) are left out, so an unrelated question finds nothing. */
  minSimilarity: number;
  /** 'auto': pgvector when installed; 'array': always the portable scan (tests force it). */
  engine?: 'auto' | 'array';
}

export interface VectorRow extends ChunkRow {
  similarity: number;
}

/**
 * The statement `nearestChunks` runs (exported so tests can EXPLAIN it). pgvector: `order by distance limit k` alone,
 * so the HNSW index can serve it (a second sort key would stop that); the length is a literal so the partial
 * index's predicate is provably implied under any plan. The outer query orders by similarity again: an
 * iterative HNSW scan returns its hits in a relaxed order.
 */
export function nearestChunksQuery(query: VectorQuery, pgvector: boolean) {
  const literal = arrayLiteral(query.vector);
  const typmod = sql.raw(String(Math.trunc(query.vector.length)));
  const similarity = pgvector
    ? sql<number>`1 - ((c.embedding::vector(${typmod})) <=> (${literal}::real[]::vector(${typmod})))`
    : sql<number>`(select sum(e * q) from unnest(c.embedding, ${literal}::real[]) as t(e, q))`;
  const order = pgvector
    ? sql`(c.embedding::vector(${typmod})) <=> (${literal}::real[]::vector(${typmod}))`
    : sql`similarity desc, c.id`;
  return sql<VectorRow>`
    select * from (
      select c.id, c.source_id, c.title, c.url, c.content, ${similarity} as similarity
      from knowledge_chunks c
      where c.workspace_id = ${query.workspaceId}
        and c.source_id in (${sql.join(query.sourceIds)})
        and c.embedding_model = ${query.model}
        and array_length(c.embedding, 1) = ${typmod}
      order by ${order}
      limit ${query.limit}
    ) as nearest
    where similarity >= ${query.minSimilarity}
    order by similarity desc, id`;
}

/**
 * HNSW filters the workspace, sources and model after its graph walk, which stops after `ef_search` candidates: in
 * a database holding many workspaces that could leave a small workspace with no vector hit at all. pgvector 0.8's
 * iterative scan walks on until `limit` rows pass the filter (bounded by `hnsw.max_scan_tuples`).
 */
const ITERATIVE_SCAN = sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true)`;

/** The chunks nearest to `vector`, most similar first (one read; with pgvector, in a transaction of its own). */
export async function nearestChunks(db: Kysely<Database>, query: VectorQuery): Promise<VectorRow[]> {
  if (query.vector.length === 0 || query.sourceIds.length === 0) return [];
  const version = query.engine === 'array' ? null : await vectorExtensionVersion(db);
  const statement = nearestChunksQuery(query, version !== null);
  const iterative = async (trx: Kysely<Database>) => {
    await ITERATIVE_SCAN.execute(trx);
    return statement.execute(trx);
  };
  // Inside a caller's transaction the setting lasts until that transaction ends (harmless: it only widens scans).
  const { rows } =
    version === null || !hasIterativeScan(version)
      ? await statement.execute(db)
      : db.isTransaction
        ? await iterative(db)
        : await db.transaction().execute(iterative);
  return rows.map((row) => ({ ...row, id: Number(row.id), similarity: Number(row.similarity) }));
}
