import type { Block } from '@flowdesk/flow-schema';
import type { Point } from './geometry';
import { outputsOf } from './outputs';

/** Rendered size of a block before React Flow measures it (kept in step with `.block-node` in styles/editor/canvas.css). */
export const NODE_WIDTH = 260;
const BASE_HEIGHT = 104;
/** Height of one output row. */
export const HANDLE_ROW = 28;

/** Rough rendered height of a block: a header, a summary and one row per output. */
export function estimatedHeight(outputCount: number): number {
  return BASE_HEIGHT + Math.max(outputCount, 1) * HANDLE_ROW;
}

/** Where a block's handles are, relative to its top-left corner. */
export interface BlockGeometry {
  width: number;
  height: number;
  /** Where edges end at the input handle (just left of the block). */
  input: Point;
  /** Where edges start, by output handle id (just right of the block). */
  outputs: ReadonlyMap<string, Point>;
}

/** A sticky note's size on the canvas (`.note-node` in styles/editor/notes-groups.css). */
export const NOTE_SIZE = { width: 220, height: 140 };

/** How far a handle's edge end sits outside the block's border (`.handle-in` / `.handle-out` in styles/editor/canvas.css). */
export const HANDLE_OFFSET = 7;

/** A block's geometry before it is rendered: the estimated size, outputs listed at the bottom. */
export function estimatedGeometry(block: Block): BlockGeometry {
  const outputs = outputsOf(block);
  const height = estimatedHeight(outputs.length);
  const firstRow = height - outputs.length * HANDLE_ROW - 4;
  return {
    width: NODE_WIDTH,
    height,
    input: { x: -HANDLE_OFFSET, y: height / 2 },
    outputs: new Map(
      outputs.map((o, i) => [o.id, { x: NODE_WIDTH + HANDLE_OFFSET, y: firstRow + (i + 0.5) * HANDLE_ROW }]),
    ),
  };
}
