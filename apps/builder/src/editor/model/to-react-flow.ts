import type { Block, Edge, FlowDocument } from '@flowdesk/flow-schema';
import { MarkerType, type Edge as RfEdge, type Node as RfNode } from '@xyflow/react';
import type { Point } from './geometry';
import { estimatedHeight, NODE_WIDTH } from './layout';
import { outputsOf } from './outputs';

/** What a block node on the canvas needs besides the block itself. */
export interface NodeDecoration {
  errors: number;
  warnings: number;
  /** The first problem's words, for the badge tooltip. */
  firstProblem?: string;
  /** The block the preview conversation is at. */
  active: boolean;
}

export interface BlockNodeData extends Record<string, unknown> {
  block: Block;
  intents: FlowDocument['intents'];
  decoration: NodeDecoration;
}

export type BlockNode = RfNode<BlockNodeData, 'block'>;

export interface Dimensions {
  width: number;
  height: number;
}

const NO_DECORATION: NodeDecoration = { errors: 0, warnings: 0, active: false };

interface NodeEntry {
  block: Block;
  selected: boolean;
  measured: Dimensions | undefined;
  decoration: NodeDecoration;
  intents: FlowDocument['intents'];
  readOnly: boolean;
  node: BlockNode;
}

const sameDecoration = (a: NodeDecoration, b: NodeDecoration) =>
  a.errors === b.errors && a.warnings === b.warnings && a.active === b.active && a.firstProblem === b.firstProblem;

/**
 * Turns blocks into React Flow nodes, reusing the previous node object when nothing about a block
 * changed, so dragging one block of 500 re-renders one node, not all of them.
 */
export class NodeCache {
  private entries = new Map<string, NodeEntry>();

  nodes(
    doc: FlowDocument,
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Dimensions>,
    decorations: ReadonlyMap<string, NodeDecoration>,
    readOnly = false,
  ): BlockNode[] {
    const next = new Map<string, NodeEntry>();
    const nodes = doc.blocks.map((block) => {
      const isSelected = selected.has(block.id);
      const size = measured.get(block.id);
      const decoration = decorations.get(block.id) ?? NO_DECORATION;
      const previous = this.entries.get(block.id);
      const reusable =
        previous &&
        previous.block === block &&
        previous.selected === isSelected &&
        previous.measured === size &&
        previous.intents === doc.intents &&
        previous.readOnly === readOnly &&
        sameDecoration(previous.decoration, decoration);
      const node: BlockNode = reusable
        ? previous.node
        : {
            id: block.id,
            type: 'block',
            position: block.position,
            data: { block, intents: doc.intents, decoration },
            selected: isSelected,
            // Estimated size until measured: the first fit-view and off-screen culling need one.
            initialWidth: NODE_WIDTH,
            initialHeight: estimatedHeight(outputsOf(block).length),
            deletable: block.type !== 'start' && !readOnly,
            draggable: !readOnly,
            connectable: !readOnly,
            ...(size ? { measured: size } : {}),
          };
      next.set(block.id, {
        block,
        selected: isSelected,
        measured: size,
        decoration,
        intents: doc.intents,
        readOnly,
        node,
      });
      return node;
    });
    this.entries = next;
    return nodes;
  }
}

interface EdgeEntry {
  edge: Edge;
  selected: boolean;
  route: Point[] | undefined;
  readOnly: boolean;
  rfEdge: RoutedEdge;
}

export type RoutedEdge = RfEdge<{ points?: Point[]; readOnly: boolean }, 'routed'>;

const ARROW = { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#8b95a7' };
const SELECTED_ARROW = { ...ARROW, width: 16, height: 16, color: '#4f46e5' };

export class EdgeCache {
  private entries = new Map<string, EdgeEntry>();

  /** `routes`: the edges' stored routes still usable (see usableRoutes). */
  edges(
    doc: FlowDocument,
    selected: ReadonlySet<string>,
    routes: ReadonlyMap<string, Point[]> = new Map(),
    readOnly = false,
  ): RoutedEdge[] {
    const next = new Map<string, EdgeEntry>();
    const edges = doc.edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const route = routes.get(edge.id);
      const previous = this.entries.get(edge.id);
      const rfEdge: RoutedEdge =
        previous &&
        previous.edge === edge &&
        previous.selected === isSelected &&
        previous.route === route &&
        previous.readOnly === readOnly
          ? previous.rfEdge
          : {
              id: edge.id,
              type: 'routed',
              source: edge.source,
              sourceHandle: edge.sourceHandle,
              target: edge.target,
              targetHandle: 'in',
              selected: isSelected,
              deletable: !readOnly,
              markerEnd: isSelected ? SELECTED_ARROW : ARROW,
              data: route ? { points: route, readOnly } : { readOnly },
            };
      next.set(edge.id, { edge, selected: isSelected, route, readOnly, rfEdge });
      return rfEdge;
    });
    this.entries = next;
    return edges;
  }
}
