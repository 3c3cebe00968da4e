import { type Kysely, sql } from 'kysely';

/**
 * Knowledge base (issue 22 item 1–2): a workspace's sources (Q&A pairs, files, web pages/sites) and the chunks
 * they were split into. `status`/`progress`/`failures` are written by the background indexer so the dashboard can
 * show progress and say which page or file failed and why. Chunks carry a generated tsvector with a GIN index for
 * PostgreSQL full-text search (the same on PGlite); re-indexing deletes and inserts a source's chunks in one
 * transaction, so readers see the old set or the new one.
 */
const statements = [
  `create table knowledge_sources (
    id text primary key,
    workspace_id text not null references workspaces(id) on delete cascade,
    kind text not null check (kind in ('qa', 'text', 'file', 'web')),
    title text not null,
    config jsonb not null default '{}',
    status text not null default 'pending' check (status in ('pending', 'indexing', 'ready', 'failed')),
    progress jsonb not null default '{"done":0,"total":0}',
    failures jsonb not null default '[]',
    chunk_count integer not null default 0,
    indexed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  'create index knowledge_sources_workspace_idx on knowledge_sources (workspace_id)',
  `create table knowledge_chunks (
    id bigserial primary key,
    source_id text not null references knowledge_sources(id) on delete cascade,
    workspace_id text not null references workspaces(id) on delete cascade,
    title text not null,
    url text,
    position integer not null,
    content text not null,
    search tsvector generated always as (
      setweight(to_tsvector('english', title), 'B') || setweight(to_tsvector('english', content), 'A')
    ) stored
  )`,
  'create index knowledge_chunks_source_idx on knowledge_chunks (source_id)',
  'create index knowledge_chunks_search_idx on knowledge_chunks using gin (search)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
