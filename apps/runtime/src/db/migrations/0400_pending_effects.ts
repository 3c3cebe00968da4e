import type { Kysely } from 'kysely';
import { belongsTo, CREATED_AT, createTable, ID, runStatements } from '../ddl';

/**
 * External calls a flow waits for (HTTP blocks, AI), run with no database connection held. A row lives
 * from the step that reached the effect until its result is applied (same transaction), so a crash
 * leaves it here for the next instance: `lease_until` says when another instance may take it over,
 * `deadline_at` when it must take the block's error path instead of running again.
 * `queued_inputs` keeps the visitor messages that arrived while the bot was working, in order.
 */
const statements = [
  createTable('pending_effects', [
    ID,
    belongsTo('conversation_id', 'conversations'),
    'workspace_id text not null',
    'kind text not null',
    'request jsonb not null',
    'deadline_at timestamptz not null',
    'lease_until timestamptz not null',
    'attempts integer not null default 1',
    CREATED_AT,
  ]),
  'create index pending_effects_lease_idx on pending_effects (lease_until)',
  'create index pending_effects_conversation_idx on pending_effects (conversation_id)',
  "alter table conversations add column queued_inputs jsonb not null default '[]'::jsonb",
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
