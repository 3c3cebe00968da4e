import type { Kysely } from 'kysely';
import { belongsTo, createTable, ID, runStatements, WORKSPACE_ID } from '../ddl';

/**
 * CSAT (issue 21 item 5): one survey per resolution the bot's setting asks about (opened in the resolving
 * transaction), holding the visitor's one rating and optional comment; each rating also appends a `csat`
 * analytics fact carrying the agent and team who held the conversation when it was resolved.
 */
const statements = [
  createTable('csat_surveys', [
    ID,
    WORKSPACE_ID,
    'bot_id text not null',
    belongsTo('conversation_id', 'conversations'),
    'resolved_at timestamptz not null',
    "scale text not null check (scale in ('stars', 'thumbs'))",
    'agent_id text',
    'team_id text',
    'score integer check (score between 1 and 5)',
    'comment text',
    "source text check (source in ('widget', 'email'))",
    'rated_at timestamptz',
    'emailed boolean not null default false',
    'unique (conversation_id, resolved_at)',
  ]),
  'create index csat_surveys_workspace_resolved_idx on csat_surveys (workspace_id, resolved_at)',
  'alter table analytics_facts drop constraint analytics_facts_kind_check',
  `alter table analytics_facts add constraint analytics_facts_kind_check check (kind in
    ('block_entered', 'input_answered', 'handoff', 'first_response', 'resolved', 'reopened', 'csat'))`,
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
