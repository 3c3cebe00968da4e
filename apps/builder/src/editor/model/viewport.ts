import type { FlowDocument } from '@flowdesk/flow-schema';
import { outputsOf } from './graph-ops';
import { estimatedHeight, NODE_WIDTH } from './layout';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The area the blocks cover, from their positions and estimated sizes (no rendering needed). */
export function blocksBounds(doc: FlowDocument): Bounds | null {
  if (doc.blocks.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const block of doc.blocks) {
    minX = Math.min(minX, block.position.x);
    minY = Math.min(minY, block.position.y);
    maxX = Math.max(maxX, block.position.x + NODE_WIDTH);
    maxY = Math.max(maxY, block.position.y + estimatedHeight(outputsOf(block).length));
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The viewport showing `bounds` centred in a canvas of `size`, never zoomed in past `maxZoom` (a tiny
 * flow stays readable at 100 %) nor out past `minZoom`.
 */
export function fitViewport(
  bounds: Bounds,
  size: { width: number; height: number },
  options: { padding?: number; minZoom?: number; maxZoom?: number } = {},
): { x: number; y: number; zoom: number } {
  const { padding = 0.1, minZoom = 0.1, maxZoom = 1 } = options;
  const usableWidth = size.width * (1 - 2 * padding);
  const usableHeight = size.height * (1 - 2 * padding);
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.min(usableWidth / bounds.width, usableHeight / bounds.height)));
  return {
    x: size.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: size.height / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
}
