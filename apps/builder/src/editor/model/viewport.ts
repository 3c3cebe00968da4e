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

/** Above this many blocks the editor opens on the start block instead of showing everything tiny. */
export const LARGE_FLOW_BLOCKS = 60;

/**
 * The viewport a flow opens with: the whole flow when it is small; for a large flow, its start block
 * at a readable zoom on the left (the minimap gives the overview), which also keeps the first render
 * to the blocks actually on screen.
 */
export function initialViewport(
  doc: FlowDocument,
  size: { width: number; height: number },
): { x: number; y: number; zoom: number } | null {
  const bounds = blocksBounds(doc);
  if (!bounds) return null;
  const start = doc.blocks.find((b) => b.type === 'start');
  if (doc.blocks.length <= LARGE_FLOW_BLOCKS || !start) return fitViewport(bounds, size);
  const zoom = 0.75;
  return { x: 40 - start.position.x * zoom, y: size.height / 2 - (start.position.y + 60) * zoom, zoom };
}
