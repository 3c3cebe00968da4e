import type { Kysely } from 'kysely';
import { belongsTo, createTable, runStatements, WORKSPACE_ID } from '../ddl';

/**
 * Analytics (issue 21 item 1): one append-only row per thing that happened to a conversation, written in the
 * transaction that made the change, so figures are exact and survive restarts. Figures are per flow version
 * (summable across versions); a block visited twice in one conversation is two `block_entered` rows.
 */
const statements = [
  createTable('analytics_facts', [
    'id bigint generated always as identity primary key',
    WORKSPACE_ID,
    'bot_id text not null',
    'flow_version_id text',
    belongsTo('conversation_id', 'conversations'),
    `kind text not null check (kind in
      ('block_entered', 'input_answered', 'handoff', 'first_response', 'resolved', 'reopened'))`,
    'block_id text',
    'intent text',
    'reason text',
    'agent_id text',
    'team_id text',
    "channel text not null default 'widget'",
    'at timestamptz not null default now()',
    "payload jsonb not null default '{}'",
  ]),
  'create index analytics_facts_workspace_at_idx on analytics_facts (workspace_id, at)',
  'create index analytics_facts_conversation_idx on analytics_facts (conversation_id)',
  'create index analytics_facts_version_idx on analytics_facts (flow_version_id, kind)',
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
