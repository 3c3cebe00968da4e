import type { Kysely } from 'kysely';
import { belongsTo, CREATED_AT, createTable, ID, runStatements, UPDATED_AT, WORKSPACE_ID } from '../ddl';

/**
 * Knowledge base (issue 22 item 1–2): a workspace's sources (Q&A pairs, files, web pages/sites) and the chunks
 * they were split into. `status`/`progress`/`failures` are written by the background indexer so the dashboard can
 * show progress and say which page or file failed and why. Chunks carry a generated tsvector with a GIN index for
 * PostgreSQL full-text search (the same on PGlite); re-indexing deletes and inserts a source's chunks in one
 * transaction, so readers see the old set or the new one.
 */
const statements = [
  createTable('knowledge_sources', [
    ID,
    WORKSPACE_ID,
    "kind text not null check (kind in ('qa', 'text', 'file', 'web'))",
    'title text not null',
    "config jsonb not null default '{}'",
    "status text not null default 'pending' check (status in ('pending', 'indexing', 'ready', 'failed'))",
    `progress jsonb not null default '{"done":0,"total":0}'`,
    "failures jsonb not null default '[]'",
    'chunk_count integer not null default 0',
    'indexed_at timestamptz',
    CREATED_AT,
    UPDATED_AT,
  ]),
  'create index knowledge_sources_workspace_idx on knowledge_sources (workspace_id)',
  createTable('knowledge_chunks', [
    'id bigserial primary key',
    belongsTo('source_id', 'knowledge_sources'),
    WORKSPACE_ID,
    'title text not null',
    'url text',
    'position integer not null',
    'content text not null',
    `search tsvector generated always as (
      setweight(to_tsvector('english', title), 'B') || setweight(to_tsvector('english', content), 'A')
    ) stored`,
  ]),
  'create index knowledge_chunks_source_idx on knowledge_chunks (source_id)',
  'create index knowledge_chunks_search_idx on knowledge_chunks using gin (search)',
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
