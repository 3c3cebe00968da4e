import type { Kysely } from 'kysely';
import { createTable, runStatements } from '../ddl';

/** The uploaded bytes of a file knowledge source, kept so re-indexing (new splitter, new parser) needs no re-upload. */
const statements = [
  createTable('knowledge_files', [
    'source_id text primary key references knowledge_sources(id) on delete cascade',
    'file_name text not null',
    'size_bytes integer not null',
    'bytes bytea not null',
  ]),
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
