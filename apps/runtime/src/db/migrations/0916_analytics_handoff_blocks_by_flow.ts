import type { Kysely } from 'kysely';
import { rebuildSummaries } from '../../analytics/conversation-summary';
import { analyze } from '../ddl';

/**
 * Handoffs by block (issue 21): block ids are unique only within a flow, so the summaries' `handoff_blocks` now name
 * each block with its flow version (`flow_version_id block_id`); "handoff" in two bots' flows was one bar. The
 * summaries are rebuilt from the facts, which hold both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildSummaries(db);
  await analyze(db, ['analytics_conversations']);
}
