import type { Kysely } from 'kysely';
import { runStatements } from '../ddl';

/**
 * Analytics at scale (issue 21), bench/analytics at 90 days:
 * - Per agent and team the figures count the conversations handled (distinct `conversation_id`) of the first-response
 *   and resolution facts, which the durations index (0913) did not hold: the statement read the table (18,000
 *   pages). 0913's index with `conversation_id` added replaces it (durations and CSAT read it as before).
 * - The CSV export pages through the conversations started in a range by (start time, id): with `id` in the key
 *   (0910's index did not hold it) a page is read from the index alone, already in order. It replaces 0910's.
 * - Each CSV line's CSAT comment (the latest rated survey of the conversation) from a small index of rated surveys.
 */
const statements = [
  `create index analytics_facts_durations_conversation_idx on analytics_facts (workspace_id, kind, at)
    include (reason, bot_id, team_id, agent_id, channel, conversation_id, payload)
    where kind in ('first_response', 'resolved', 'csat')`,
  'drop index analytics_facts_durations_idx',
  `create index conversations_workspace_created_id_idx on conversations (workspace_id, created_at, id)
    include (status, bot_id, team_id, assignee_id, channel)`,
  'drop index conversations_workspace_created_idx',
  `create index csat_surveys_rated_idx on csat_surveys (conversation_id, resolved_at) include (comment)
    where score is not null`,
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
