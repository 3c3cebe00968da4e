import type { FlowDocument } from '@flowdesk/flow-schema';
import { estimatedHeight, NODE_WIDTH } from './layout';
import { outputsOf } from './outputs';

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

/** The smallest text on a block, in CSS pixels at 100 % (kept in step with `.block-node` in styles/editor/canvas.css). */
export const SMALLEST_BLOCK_FONT = 14;
/** Fitting never zooms out past this, so block text stays at least 12 px on screen; the user pans for more. */
export const READABLE_ZOOM = 12 / SMALLEST_BLOCK_FONT;

/**
 * The viewport showing `bounds` centred in a canvas of `size`, never zoomed in past `maxZoom` (a tiny
 * flow stays readable at 100 %) nor out past `minZoom` (readable text by default). A flow too big to fit
 * at `minZoom` is shown from its top-left corner, or from `anchor` (the start block) when given.
 */
export function fitViewport(
  bounds: Bounds,
  size: { width: number; height: number },
  options: { padding?: number; minZoom?: number; maxZoom?: number; anchor?: Bounds } = {},
): { x: number; y: number; zoom: number } {
  const { padding = 0.06, minZoom = READABLE_ZOOM, maxZoom = 1 } = options;
  const usableWidth = size.width * (1 - 2 * padding);
  const usableHeight = size.height * (1 - 2 * padding);
  const fit = Math.min(usableWidth / bounds.width, usableHeight / bounds.height);
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  const margin = 32;
  const centred = {
    x: size.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: size.height / 2 - (bounds.y + bounds.height / 2) * zoom,
  };
  const tooWide = bounds.width * zoom > size.width - 2 * margin;
  const tooTall = bounds.height * zoom > size.height - 2 * margin;
  const anchor = options.anchor ?? { ...bounds, width: 0, height: 0 };
  let x = tooWide ? margin - bounds.x * zoom : centred.x;
  let y = tooTall ? margin - bounds.y * zoom : centred.y;
  // Keep the anchor (the start block) on screen when the flow is larger than the canvas.
  if (tooWide && (anchor.x + anchor.width) * zoom + x > size.width - margin) x = margin - anchor.x * zoom;
  if (tooTall && (anchor.y + anchor.height) * zoom + y > size.height - margin) y = margin - anchor.y * zoom;
  return { x, y, zoom };
}

/**
 * The viewport a flow opens with (and shows after a tidy-up): the whole flow when it fits at a readable
 * zoom, else its start block's corner at the readable zoom (pan or use the minimap for the rest).
 */
export function initialViewport(
  doc: FlowDocument,
  size: { width: number; height: number },
): { x: number; y: number; zoom: number } | null {
  const bounds = blocksBounds(doc);
  if (!bounds) return null;
  const start = doc.blocks.find((b) => b.type === 'start');
  const anchor = start
    ? { x: start.position.x, y: start.position.y, width: NODE_WIDTH, height: estimatedHeight(outputsOf(start).length) }
    : undefined;
  return fitViewport(bounds, size, anchor ? { anchor } : {});
}
