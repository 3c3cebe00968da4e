import dagre from '@dagrejs/dagre';
import type { FlowDocument, Position } from '@flowdesk/flow-schema';
import { outputsOf } from './graph-ops';

export const NODE_WIDTH = 260;
const BASE_HEIGHT = 86;
const HANDLE_ROW = 24;

/** Rough rendered height of a block: a header, a summary and one row per output. */
export function estimatedHeight(outputCount: number): number {
  return BASE_HEIGHT + Math.max(outputCount, 1) * HANDLE_ROW;
}

/** Left-to-right layered layout (dagre); returns the new top-left position of every block. */
export function autoLayout(doc: FlowDocument): Map<string, Position> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const block of doc.blocks) {
    graph.setNode(block.id, { width: NODE_WIDTH, height: estimatedHeight(outputsOf(block).length) });
  }
  for (const edge of doc.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  const positions = new Map<string, Position>();
  for (const block of doc.blocks) {
    const node = graph.node(block.id);
    positions.set(block.id, { x: Math.round(node.x - node.width / 2), y: Math.round(node.y - node.height / 2) });
  }
  return positions;
}
