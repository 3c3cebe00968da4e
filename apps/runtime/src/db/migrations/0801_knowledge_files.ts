import { type Kysely, sql } from 'kysely';

/** The uploaded bytes of a file knowledge source, kept so re-indexing (new splitter, new parser) needs no re-upload. */
const statements = [
  `create table knowledge_files (
    source_id text primary key references knowledge_sources(id) on delete cascade,
    file_name text not null,
    size_bytes integer not null,
    bytes bytea not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
