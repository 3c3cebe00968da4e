import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
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
 * The summaries kept fact by fact equal the ones rebuilt from all the facts at once (what the migration does);
 * returns them for the caller's own checks.
 */
export async function expectSummariesRecount<DB>(db: Kysely<DB>, workspaceId: string) {
  const kept = await summaries(db, workspaceId);
  await rebuildSummaries(db, workspaceId);
  expect(kept).toEqual(await summaries(db, workspaceId));
  return kept;
}
