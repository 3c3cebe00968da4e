import type { Kysely } from 'kysely';
import { rebuildSummaries } from '../../analytics/conversation-summary';
import { analyze, createTable, runStatements, WORKSPACE_ID } from '../ddl';

/**
 * Analytics at scale (issue 21): one summary row per conversation with facts (analytics/conversation-summary.ts),
 * kept by the transaction that records the facts, so the overview, the channel filter and the CSV export read
 * one narrow row per conversation instead of aggregating every fact. Built here from the facts recorded so far.
 */
const statements = [
  createTable('analytics_conversations', [
    'conversation_id text primary key references conversations(id) on delete cascade',
    WORKSPACE_ID,
    'created_at timestamptz not null',
    "channels text[] not null default '{}'",
    'blocks_visited int not null default 0',
    'handoffs int not null default 0',
    'first_handoff_reason text',
    'first_responses int not null default 0',
    'first_response_ms text',
    'resolutions int not null default 0',
    'resolved_by text',
    'resolution_ms text',
    'bot_resolved boolean not null default false',
    'reopens int not null default 0',
    'csats int not null default 0',
    'csat_score text',
    "handoff_reasons text[] not null default '{}'",
    "handoff_blocks text[] not null default '{}'",
    "handoff_intents jsonb not null default '{}'",
  ]),
  'create index analytics_conversations_workspace_created_idx on analytics_conversations (workspace_id, created_at)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
  await rebuildSummaries(db);
  await analyze(db, ['analytics_conversations']);
}
