import type { Block, FlowDocument } from '@flowdesk/flow-schema';
import { type Point, type Rect, rectsCrossed } from './geometry';
import { estimatedGeometry } from './layout';

/**
 * The stored edge routes that still make sense: a route drawn before a block was moved onto it would
 * cross that block, so it is dropped (the edge falls back to a plain right-angled path). Routes whose
 * own blocks moved are refused later, by the edge, when their ends no longer meet the handles.
 */
export function usableRoutes(
  doc: FlowDocument,
  sizeOf: (block: Block) => { width: number; height: number } | undefined,
): Map<string, Point[]> {
  const routes = new Map<string, Point[]>();
  if (!doc.edges.some((e) => e.points)) return routes;
  const rects = new Map<string, Rect>(
    doc.blocks.map((b) => {
      const size = sizeOf(b) ?? estimatedGeometry(b);
      return [b.id, { x: b.position.x, y: b.position.y, width: size.width, height: size.height }];
    }),
  );
  for (const edge of doc.edges) {
    if (edge.points && rectsCrossed(edge.points, rects).length === 0) routes.set(edge.id, edge.points);
  }
  return routes;
}
