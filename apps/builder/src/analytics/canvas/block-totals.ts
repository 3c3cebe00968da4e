import type { AnalyticsBlocksResponse } from '@flowdesk/contract';

/** One block's figures summed over every published version of its flow. */
export interface BlockTotals {
  reached: number;
  visits: number;
  droppedOff: number;
  handedOff: number;
}

/** The API's per-version rows summed per block id (a block keeps its id across versions). */
export function blockTotals(rows: AnalyticsBlocksResponse['blocks']): Map<string, BlockTotals> {
  const totals = new Map<string, BlockTotals>();
  for (const row of rows) {
    const sum = totals.get(row.blockId) ?? { reached: 0, visits: 0, droppedOff: 0, handedOff: 0 };
    sum.reached += row.reached;
    sum.visits += row.visits;
    sum.droppedOff += row.droppedOff;
    sum.handedOff += row.handedOff;
    totals.set(row.blockId, sum);
  }
  return totals;
}

/** Drop-off as a whole percent of the visitors who reached the block ("" when nobody reached it). */
export function dropOffPercent(totals: BlockTotals): string {
  return totals.reached === 0 ? '' : `${Math.round((totals.droppedOff / totals.reached) * 100)}%`;
}
