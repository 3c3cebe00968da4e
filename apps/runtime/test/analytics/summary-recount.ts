import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import { rebuildBlockFigures, rollBlockFigures } from '../../src/analytics/block-rollup';
import { rebuildSummaries } from '../../src/analytics/conversation-summary';

export type SummaryRow = {
  conversation_id: string;
  channels: string[];
  blocks_visited: number;
  handoffs: number;
  first_handoff_reason: string | null;
  first_responses: number;
  resolutions: number;
  resolved_by: string | null;
  bot_resolved: boolean;
  reopens: number;
  csats: number;
  csat_score: string | null;
  handoff_reasons: Array<string | null>;
  handoff_blocks: Array<string | null>;
  handoff_intents: Record<string, [number, string]>;
};

/** The workspace's conversation summaries by conversation id, sets sorted so equal sets compare equal. */
export async function summaries<DB>(db: Kysely<DB>, workspaceId: string): Promise<Map<string, SummaryRow>> {
  const { rows } = await sql<SummaryRow>`select * from analytics_conversations where workspace_id = ${workspaceId}
    order by conversation_id`.execute(db);
  const sorted = (values: Array<string | null>) => [...values].sort((x, y) => String(x).localeCompare(String(y)));
  return new Map(
    rows.map((row) => [
      row.conversation_id,
      {
        ...row,
        channels: sorted(row.channels) as string[],
        handoff_reasons: sorted(row.handoff_reasons),
        handoff_blocks: sorted(row.handoff_blocks),
      },
    ]),
  );
}

/**
 * The summaries kept fact by fact equal the ones rebuilt from all the facts (what the migration does, here one
 * conversation a batch so the batching is exercised too); returns them for the caller's own checks.
 */
export async function expectSummariesRecount<DB>(db: Kysely<DB>, workspaceId: string) {
  const kept = await summaries(db, workspaceId);
  await rebuildSummaries(db, workspaceId, 1);
  expect(kept).toEqual(await summaries(db, workspaceId));
  return kept;
}

/** The workspace's per-block days and contributions (block-rollup.ts), rows in a stable order. */
async function blockRows<DB>(db: Kysely<DB>, workspaceId: string) {
  const days = await sql`select flow_version_id, block_id, intent, day::text, reached, visits, dropped_off, handed_off,
      latest_fact::text, intent_name from analytics_block_days where workspace_id = ${workspaceId}
    order by flow_version_id, block_id, intent, day`.execute(db);
  const contributions =
    await sql`select conversation_id, started_at, flow_version_id, block_id, intent, visits, dropped,
      handed_off, latest_fact::text, intent_name from analytics_block_contributions where workspace_id = ${workspaceId}
    order by conversation_id, flow_version_id, block_id, intent`.execute(db);
  return { days: days.rows, contributions: contributions.rows };
}

/**
 * The per-block days kept conversation by conversation (queued ones rolled) equal the ones rebuilt from all the
 * facts (what the migration does, here one conversation a batch); returns them.
 */
export async function expectBlockFiguresRecount<DB>(db: Kysely<DB>, workspaceId: string) {
  await rollBlockFigures(db);
  const kept = await blockRows(db, workspaceId);
  expect(kept.days.length).toBeGreaterThan(0);
  await rebuildBlockFigures(db, workspaceId, 1);
  expect(kept).toEqual(await blockRows(db, workspaceId));
  return kept;
}
