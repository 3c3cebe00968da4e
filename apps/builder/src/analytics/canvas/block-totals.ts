import type { AnalyticsBlocksResponse } from '@flowdesk/contract';

type IntentMatches = AnalyticsBlocksResponse['blocks'][number]['intents'][number];

/** One block's figures summed over every published version of its flow. */
export interface BlockTotals {
  reached: number;
  visits: number;
  droppedOff: number;
  handedOff: number;
  /** How often each intent matched at the block, most first. */
  intents: IntentMatches[];
}

/** The API's per-version rows summed per block id (a block keeps its id across versions, an intent too). */
export function blockTotals(rows: AnalyticsBlocksResponse['blocks']): Map<string, BlockTotals> {
  const totals = new Map<string, BlockTotals>();
  for (const row of rows) {
    const sum = totals.get(row.blockId) ?? { reached: 0, visits: 0, droppedOff: 0, handedOff: 0, intents: [] };
    sum.reached += row.reached;
    sum.visits += row.visits;
    sum.droppedOff += row.droppedOff;
    sum.handedOff += row.handedOff;
    for (const match of row.intents) {
      const known = sum.intents.find((entry) => entry.intentId === match.intentId);
      if (known) known.count += match.count;
      else sum.intents.push({ ...match });
    }
    sum.intents.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    totals.set(row.blockId, sum);
  }
  return totals;
}

/** Drop-off as a whole percent of the visitors who reached the block ("" when nobody reached it). */
export function dropOffPercent(totals: Pick<BlockTotals, 'reached' | 'droppedOff'>): string {
  return totals.reached === 0 ? '' : `${Math.round((totals.droppedOff / totals.reached) * 100)}%`;
}
