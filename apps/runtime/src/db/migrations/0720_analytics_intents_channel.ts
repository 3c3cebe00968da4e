import type { Kysely } from 'kysely';
import { runStatements } from '../ddl';

/**
 * Analytics (issue 21): an `intent_matched` fact per intent a step matched (its trigger or Match Intent block
 * in `block_id`, the intent's id in `intent`), and the channel a conversation is reached through now
 * (`widget`, `api` for other clients of the public API, `email` once the visitor writes by email), copied onto
 * every fact when it is recorded. Facts recorded before this migration stay `widget`: the widget was then the
 * only way in besides email replies, which these rows cannot tell apart.
 */
const statements = [
  'alter table analytics_facts drop constraint analytics_facts_kind_check',
  `alter table analytics_facts add constraint analytics_facts_kind_check check (kind in
    ('block_entered', 'input_answered', 'handoff', 'first_response', 'resolved', 'reopened', 'csat', 'intent_matched'))`,
  `alter table analytics_facts add constraint analytics_facts_channel_check
    check (channel in ('widget', 'api', 'email'))`,
  `alter table conversations add column channel text not null default 'widget'
    check (channel in ('widget', 'api', 'email'))`,
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
