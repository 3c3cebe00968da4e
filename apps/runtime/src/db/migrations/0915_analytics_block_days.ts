import type { Kysely } from 'kysely';
import { rebuildBlockFigures } from '../../analytics/block-rollup';
import { analyze, belongsTo, createTable, runStatements, WORKSPACE_ID } from '../ddl';

/**
 * Analytics at scale (issue 21): per-block figures kept by day (analytics/block-rollup.ts). Block figures read
 * every step fact of the range (800,000 for 90 days on the bench, 1.6 s); they now read one row per block and
 * day, plus the contributions of the conversations started in the range's partial UTC days. Built here from the
 * facts recorded so far.
 */
const statements = [
  createTable('analytics_block_contributions', [
    belongsTo('conversation_id', 'conversations'),
    WORKSPACE_ID,
    'started_at timestamptz not null',
    'flow_version_id text not null',
    'block_id text not null',
    "intent text not null default ''",
    'visits int not null',
    'dropped int not null',
    'handed_off int not null',
    'latest_fact bigint',
    'intent_name text',
    'primary key (conversation_id, flow_version_id, block_id, intent)',
  ]),
  `create index analytics_block_contributions_started_idx on analytics_block_contributions
    (workspace_id, started_at) include (flow_version_id, block_id, intent, visits, dropped, handed_off, latest_fact)`,
  createTable('analytics_block_days', [
    WORKSPACE_ID,
    'flow_version_id text not null',
    'block_id text not null',
    "intent text not null default ''",
    'day date not null',
    'reached int not null',
    'visits int not null',
    'dropped_off int not null',
    'handed_off int not null',
    'latest_fact bigint',
    'intent_name text',
    'primary key (workspace_id, flow_version_id, block_id, intent, day)',
  ]),
  createTable('analytics_block_dirty', [
    'id bigint generated always as identity primary key',
    'conversation_id text not null',
  ]),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, statements);
  await rebuildBlockFigures(db);
  await analyze(db, ['analytics_block_contributions', 'analytics_block_days']);
}
