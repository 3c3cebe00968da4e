import type { Kysely } from 'kysely';
import { runStatements } from '../ddl';

/**
 * Analytics at scale (issue 21, bench/analytics: 100,000 conversations, 1,000,000 facts over 90 days).
 * - Conversations started in a range, with the columns the overview filters on, from the index alone.
 * - Facts of one conversation by kind (replaces the plain conversation index): the overview's handoff, resolution
 *   and first-response lookups and the channel filter's "used this channel" test read the index only.
 * - Facts of a kind in a range (durations, per agent/team, CSAT): only the rows of that kind are visited.
 * - Facts of a range with the columns block figures read (block entries, answers, handoffs, resolutions).
 */
const statements = [
  `create index conversations_workspace_created_idx on conversations (workspace_id, created_at)
    include (status, bot_id, team_id, assignee_id, channel)`,
  `create index analytics_facts_conversation_kind_idx on analytics_facts (conversation_id, kind, channel)
    include (reason, block_id, intent)`,
  'drop index analytics_facts_conversation_idx',
  `create index analytics_facts_kind_at_idx on analytics_facts (workspace_id, kind, at)
    include (reason, bot_id, team_id, agent_id, channel)`,
  `create index analytics_facts_steps_idx on analytics_facts (workspace_id, at)
    include (conversation_id, flow_version_id, block_id, kind)`,
  'drop index analytics_facts_workspace_at_idx',
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
