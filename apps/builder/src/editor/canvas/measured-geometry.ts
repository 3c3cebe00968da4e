import type { Block } from '@flowdesk/flow-schema';
import type { InternalNode } from '@xyflow/react';
import { type BlockGeometry, estimatedGeometry } from '../model/layout';

interface HandleBox {
  id?: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A rendered block's real size and the points where React Flow starts and ends its edges (right edge of
 * an output handle, left edge of the input handle), so ELK's routes meet the handles exactly.
 * Blocks not rendered yet (off screen) fall back to the estimate.
 */
export function measuredGeometry(block: Block, node: InternalNode | undefined): BlockGeometry {
  const estimate = estimatedGeometry(block);
  const size = node?.measured;
  const bounds = node?.internals.handleBounds;
  if (!size?.width || !size.height || !bounds) return estimate;
  const input = (bounds.target ?? []).find((h: HandleBox) => h.id === 'in');
  const outputs = new Map(estimate.outputs);
  for (const h of (bounds.source ?? []) as HandleBox[]) {
    if (h.id && outputs.has(h.id)) outputs.set(h.id, { x: h.x + h.width, y: h.y + h.height / 2 });
  }
  return {
    width: size.width,
    height: size.height,
    input: input ? { x: input.x, y: input.y + input.height / 2 } : { ...estimate.input, y: size.height / 2 },
    outputs,
  };
}
