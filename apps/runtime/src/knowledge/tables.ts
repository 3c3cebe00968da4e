import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';

export type KnowledgeSourceKind = 'qa' | 'text' | 'file' | 'web';
export type KnowledgeStatus = 'pending' | 'indexing' | 'ready' | 'failed';

/** One page or file that could not be indexed, and why (shown to the admin as is). */
export interface IndexFailure {
  item: string;
  reason: string;
}

export interface IndexProgress {
  done: number;
  total: number;
}

export interface KnowledgeSourcesTable {
  id: string;
  workspace_id: string;
  kind: KnowledgeSourceKind;
  title: string;
  config: ColumnType<unknown, string, string>;
  status: Generated<KnowledgeStatus>;
  progress: ColumnType<IndexProgress, string | undefined, string>;
  failures: ColumnType<IndexFailure[], string | undefined, string>;
  chunk_count: Generated<number>;
  indexed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface KnowledgeChunksTable {
  id: Generated<number>;
  source_id: string;
  workspace_id: string;
  title: string;
  url: string | null;
  position: number;
  content: string;
  /** `chunkTextHash` of the chunk: its vector is reused by a re-index that finds the same text and model. */
  content_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface KnowledgeFilesTable {
  source_id: string;
  file_name: string;
  size_bytes: number;
  bytes: Uint8Array;
}

export type KnowledgeDatabase = Database & {
  knowledge_sources: KnowledgeSourcesTable;
  knowledge_chunks: KnowledgeChunksTable;
  knowledge_files: KnowledgeFilesTable;
};

export type KnowledgeSourceRow = Selectable<KnowledgeSourcesTable>;
/** What a search reads of a chunk, lexically or by vector. */
export type ChunkRow = Pick<Selectable<KnowledgeChunksTable>, 'id' | 'source_id' | 'title' | 'url' | 'content'>;

export const knowledgeDb = (db: Kysely<Database>) => db as unknown as Kysely<KnowledgeDatabase>;
