import { type Kysely, sql } from 'kysely';

/**
 * Analytics (issue 21 item 1): one append-only row per thing that happened to a conversation, written in the
 * transaction that made the change, so figures are exact and survive restarts. Figures are per flow version
 * (summable across versions); a block visited twice in one conversation is two `block_entered` rows.
 */
const statements = [
  `create table analytics_facts (
    id bigint generated always as identity primary key,
    workspace_id text not null references workspaces(id) on delete cascade,
    bot_id text not null,
    flow_version_id text,
    conversation_id text not null references conversations(id) on delete cascade,
    kind text not null check (kind in
      ('block_entered', 'input_answered', 'handoff', 'first_response', 'resolved', 'reopened')),
    block_id text,
    intent text,
    reason text,
    agent_id text,
    team_id text,
    channel text not null default 'widget',
    at timestamptz not null default now(),
    payload jsonb not null default '{}'
  )`,
  'create index analytics_facts_workspace_at_idx on analytics_facts (workspace_id, at)',
  'create index analytics_facts_conversation_idx on analytics_facts (conversation_id)',
  'create index analytics_facts_version_idx on analytics_facts (flow_version_id, kind)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
