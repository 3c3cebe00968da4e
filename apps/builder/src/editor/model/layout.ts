/** Rendered size of a block before React Flow measures it (kept in step with `.block-node` in editor.css). */
export const NODE_WIDTH = 260;
const BASE_HEIGHT = 104;
/** Height of one output row. */
export const HANDLE_ROW = 28;

/** Rough rendered height of a block: a header, a summary and one row per output. */
export function estimatedHeight(outputCount: number): number {
  return BASE_HEIGHT + Math.max(outputCount, 1) * HANDLE_ROW;
}
