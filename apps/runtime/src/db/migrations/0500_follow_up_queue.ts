import type { Kysely } from 'kysely';
import { runStatements } from '../ddl';

/**
 * The follow-up queue (issue 18). "Waiting for follow-up" is a flag on a `needs_agent` conversation, not
 * a status of its own: like Chatwoot's `open` conversations, it sits in the team's queue with every
 * needs-agent rule (routing, alerts, SLA, summary), and only says that nobody was there when the visitor
 * asked (`follow_up_reason`: outside_hours, no_agent_online, no_reply_in_time, contact_form), since when,
 * and what reply time the visitor was promised (`reply_due_at`).
 * `summary_data` holds the structured AI summary (problem, what the bot tried, details, tone, next step);
 * `summary` keeps its plain-text rendering for emails and older clients.
 */
const statements = [
  'alter table conversations add column follow_up_since timestamptz',
  'alter table conversations add column follow_up_reason text',
  'alter table conversations add column reply_due_at timestamptz',
  'alter table conversations add column summary_data jsonb',
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
