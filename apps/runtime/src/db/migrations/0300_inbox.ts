import type { Kysely } from 'kysely';
import { belongsTo, CREATED_AT, createTable, ID, linkedTo, runStatements, UPDATED_AT, WORKSPACE_ID } from '../ddl';

/** Inbox: canned responses, per-agent read positions, round-robin cursor, default team. */
const statements = [
  createTable('canned_responses', [
    ID,
    WORKSPACE_ID,
    'shortcut text not null',
    'title text not null',
    'text text not null',
    linkedTo('created_by', 'users'),
    CREATED_AT,
    UPDATED_AT,
    'unique (workspace_id, shortcut)',
  ]),
  createTable('conversation_reads', [
    belongsTo('conversation_id', 'conversations'),
    belongsTo('user_id', 'users'),
    'last_read_seq integer not null default 0',
    'read_at timestamptz not null default now()',
    'primary key (conversation_id, user_id)',
  ]),
  'create index conversation_reads_user_idx on conversation_reads (user_id)',
  createTable('agent_routing', [
    'user_id text primary key references users(id) on delete cascade',
    'last_assigned_at timestamptz not null default now()',
  ]),
  'alter table teams add column is_default boolean not null default false',
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
