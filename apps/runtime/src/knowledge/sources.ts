import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { newId } from '../services/secrets';
import { chunkTextHash } from './embeddings';
import type { ChunkDraft } from './split';
import { type IndexFailure, type IndexProgress, type KnowledgeSourceKind, knowledgeDb } from './tables';
import { arrayLiteral } from './vector-store';

export interface NewKnowledgeSource {
  workspaceId: string;
  kind: KnowledgeSourceKind;
  title: string;
  config: unknown;
}

export async function createKnowledgeSource(db: Kysely<Database>, input: NewKnowledgeSource) {
  return knowledgeDb(db)
    .insertInto('knowledge_sources')
    .values({
      id: newId(),
      workspace_id: input.workspaceId,
      kind: input.kind,
      title: input.title,
      config: JSON.stringify(input.config),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A file source and its bytes, written together so no source exists without its file. */
export async function createFileSource(
  db: Kysely<Database>,
  input: { workspaceId: string; title: string; fileName: string; bytes: Uint8Array },
) {
  return db.transaction().execute(async (trx) => {
    const source = await createKnowledgeSource(trx, {
      workspaceId: input.workspaceId,
      kind: 'file',
      title: input.title,
      config: { fileName: input.fileName },
    });
    await knowledgeDb(trx)
      .insertInto('knowledge_files')
      .values({
        source_id: source.id,
        file_name: input.fileName,
        size_bytes: input.bytes.byteLength,
        bytes: Buffer.from(input.bytes),
      })
      .execute();
    return source;
  });
}

/** A source's new title and content, pending its next index (its kind stays); undefined when it is not there. */
export async function updateKnowledgeSource(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  input: { title: string; config: unknown },
) {
  return knowledgeDb(db)
    .updateTable('knowledge_sources')
    .set({ title: input.title, config: JSON.stringify(input.config), status: 'pending', updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function readKnowledgeFile(db: Kysely<Database>, sourceId: string) {
  return knowledgeDb(db)
    .selectFrom('knowledge_files')
    .select(['file_name', 'bytes'])
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
}

export async function getKnowledgeSource(db: Kysely<Database>, workspaceId: string, id: string) {
  return knowledgeDb(db)
    .selectFrom('knowledge_sources')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listKnowledgeSources(db: Kysely<Database>, workspaceId: string) {
  return knowledgeDb(db)
    .selectFrom('knowledge_sources')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .execute();
}

export async function deleteKnowledgeSource(db: Kysely<Database>, workspaceId: string, id: string) {
  const result = await knowledgeDb(db)
    .deleteFrom('knowledge_sources')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Marks a source as being indexed (progress reset, old failures cleared; its old chunks stay searchable). */
export async function markIndexing(db: Kysely<Database>, id: string, total: number) {
  await knowledgeDb(db)
    .updateTable('knowledge_sources')
    .set({
      status: 'indexing',
      progress: JSON.stringify({ done: 0, total } satisfies IndexProgress),
      failures: '[]',
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function recordProgress(
  db: Kysely<Database>,
  id: string,
  progress: IndexProgress,
  failures: IndexFailure[],
) {
  await knowledgeDb(db)
    .updateTable('knowledge_sources')
    .set({ progress: JSON.stringify(progress), failures: JSON.stringify(failures), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** A chunk as written, for the embedding step that follows the commit. */
export interface StoredChunk {
  id: number;
  title: string;
  content: string;
  /** Its vector was copied from the chunk it replaced (same text, same model): nothing to embed. */
  reused: boolean;
}

/**
 * Replaces a source's chunks in one short transaction (lock the source, insert the new chunks, copy the vectors of
 * old chunks with the same text hash and `reuseModel`, delete the old chunks, status), so a search sees either the
 * old chunks or the new ones and a re-index embeds only what changed. Nothing slow happens inside: the chunks
 * were fetched and split before, and the rest are embedded after the commit. With `read` (the title and content the
 * run indexed), nothing is written when the source was edited since.
 */
export async function replaceChunks(
  db: Kysely<Database>,
  source: { id: string; workspaceId: string; read?: { title: string; config: unknown } },
  chunks: ChunkDraft[],
  failures: IndexFailure[],
  reuseModel: string | null = null,
): Promise<StoredChunk[]> {
  return knowledgeDb(db)
    .transaction()
    .execute(async (trx) => {
      // The row lock orders two re-indexes of one source, so the second sees the first one's chunks as old.
      const [now] = await trx
        .selectFrom('knowledge_sources')
        .select(['title', 'config'])
        .where('id', '=', source.id)
        .forUpdate()
        .execute();
      // Edited since this run read it: the edit's own run writes its chunks, this one's are stale.
      if (
        source.read &&
        now &&
        JSON.stringify([now.title, now.config]) !== JSON.stringify([source.read.title, source.read.config])
      )
        return [];
      const { rows } = await sql<{ last: number | string | null }>`
        select max(id) as last from knowledge_chunks where source_id = ${source.id}`.execute(trx);
      const lastOld = Number(rows[0]?.last ?? 0);
      const stored: StoredChunk[] = [];
      for (let start = 0; start < chunks.length; start += 200) {
        const batch = chunks.slice(start, start + 200).map((chunk) => ({
          source_id: source.id,
          workspace_id: source.workspaceId,
          title: chunk.title,
          url: chunk.url,
          position: chunk.position,
          content: chunk.text,
          content_hash: chunkTextHash({ title: chunk.title, content: chunk.text }),
        }));
        const written = await trx
          .insertInto('knowledge_chunks')
          .values(batch)
          .returning(['id', 'title', 'content'])
          .execute();
        stored.push(...written.map((row) => ({ ...row, id: Number(row.id), reused: false })));
      }
      if (reuseModel && lastOld > 0 && stored.length > 0) {
        const copied = await sql<{ id: number | string }>`
          update knowledge_chunks c set embedding = old.embedding, embedding_model = old.embedding_model
          from (
            select distinct on (content_hash) content_hash, embedding, embedding_model from knowledge_chunks
            where source_id = ${source.id} and id <= ${lastOld} and embedding_model = ${reuseModel}
              and embedding is not null and content_hash is not null
            order by content_hash, id
          ) as old
          where c.source_id = ${source.id} and c.id > ${lastOld} and c.content_hash = old.content_hash
          returning c.id`.execute(trx);
        const reused = new Set(copied.rows.map((row) => Number(row.id)));
        for (const chunk of stored) chunk.reused = reused.has(chunk.id);
      }
      await trx.deleteFrom('knowledge_chunks').where('source_id', '=', source.id).where('id', '<=', lastOld).execute();
      await trx
        .updateTable('knowledge_sources')
        .set({
          status: chunks.length === 0 && failures.length > 0 ? 'failed' : 'ready',
          chunk_count: chunks.length,
          failures: JSON.stringify(failures),
          indexed_at: sql<Date>`now()`,
          updated_at: new Date(),
        })
        .where('id', '=', source.id)
        .execute();
      return stored;
    });
}

/**
 * Stores one batch of chunk vectors in its own short transaction (after the embeddings call returned). A chunk
 * replaced meanwhile by a re-index is simply not there any more: its vector is dropped.
 */
export async function storeEmbeddings(
  db: Kysely<Database>,
  model: string,
  vectors: Array<{ id: number; vector: number[] }>,
) {
  if (vectors.length === 0) return;
  const values = vectors.map(({ id, vector }) => sql`(${id}::bigint, ${arrayLiteral(vector)}::real[])`);
  await db.transaction().execute(async (trx) => {
    await sql`
      update knowledge_chunks c set embedding = v.embedding, embedding_model = ${model}
      from (values ${sql.join(values)}) as v(id, embedding)
      where c.id = v.id`.execute(trx);
  });
}

/** The embeddings call failed: said on the source (shown with its failures); its chunks stay searchable lexically. */
export async function recordEmbeddingFailure(db: Kysely<Database>, id: string, reason: string) {
  const failure: IndexFailure = { item: 'Embeddings (lexical search still works)', reason };
  await sql`
    update knowledge_sources set failures = failures || ${JSON.stringify([failure])}::jsonb, updated_at = now()
    where id = ${id}`.execute(db);
}

/** The whole source failed before any chunk could be written (old chunks are kept). */
export async function markFailed(db: Kysely<Database>, id: string, failures: IndexFailure[]) {
  await knowledgeDb(db)
    .updateTable('knowledge_sources')
    .set({ status: 'failed', failures: JSON.stringify(failures), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
