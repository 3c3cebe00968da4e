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

/**
 * Per id, the object last built from the same inputs: `build` runs again only when `same` says an item's inputs
 * changed, so React Flow gets the very same object for an unchanged node or edge.
 */
class ReuseById<Inputs, Built> {
  private entries = new Map<string, { inputs: Inputs; built: Built }>();

  constructor(
    private readonly same: (previous: Inputs, next: Inputs) => boolean,
    private readonly build: (inputs: Inputs) => Built,
  ) {}

  all<T extends { id: string }>(items: readonly T[], inputsOf: (item: T) => Inputs): Built[] {
    const next = new Map<string, { inputs: Inputs; built: Built }>();
    const built = items.map((item) => {
      const inputs = inputsOf(item);
      const previous = this.entries.get(item.id);
      const entry = {
        inputs,
        built: previous && this.same(previous.inputs, inputs) ? previous.built : this.build(inputs),
      };
      next.set(item.id, entry);
      return entry.built;
    });
    this.entries = next;
    return built;
  }
}

interface NodeInputs {
  block: Block;
  selected: boolean;
  measured: Dimensions | undefined;
  decoration: NodeDecoration;
  intents: FlowDocument['intents'];
  readOnly: boolean;
}

const sameDecoration = (a: NodeDecoration, b: NodeDecoration) =>
  a.errors === b.errors && a.warnings === b.warnings && a.active === b.active && a.firstProblem === b.firstProblem;

const sameNodeInputs = (a: NodeInputs, b: NodeInputs) =>
  a.block === b.block &&
  a.selected === b.selected &&
  a.measured === b.measured &&
  a.intents === b.intents &&
  a.readOnly === b.readOnly &&
  sameDecoration(a.decoration, b.decoration);

function blockNode({ block, selected, measured, decoration, intents, readOnly }: NodeInputs): BlockNode {
  return {
    id: block.id,
    type: 'block',
    position: block.position,
    data: { block, intents, decoration },
    selected,
    // Estimated size until measured: the first fit-view and off-screen culling need one.
    initialWidth: NODE_WIDTH,
    initialHeight: estimatedHeight(outputsOf(block).length),
    deletable: block.type !== 'start' && !readOnly,
    draggable: !readOnly,
    connectable: !readOnly,
    ...(measured ? { measured } : {}),
  };
}

/**
 * Turns blocks into React Flow nodes, reusing the previous node object when nothing about a block
 * changed, so dragging one block of 500 re-renders one node, not all of them.
 */
export class NodeCache {
  private cache = new ReuseById(sameNodeInputs, blockNode);

  nodes(
    doc: FlowDocument,
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Dimensions>,
    decorations: ReadonlyMap<string, NodeDecoration>,
    readOnly = false,
  ): BlockNode[] {
    return this.cache.all(doc.blocks, (block) => ({
      block,
      selected: selected.has(block.id),
      measured: measured.get(block.id),
      decoration: decorations.get(block.id) ?? NO_DECORATION,
      intents: doc.intents,
      readOnly,
    }));
  }
}

interface EdgeInputs {
  edge: Edge;
  selected: boolean;
  route: Point[] | undefined;
  readOnly: boolean;
}

export type RoutedEdge = RfEdge<{ points?: Point[]; readOnly: boolean }, 'routed'>;

const ARROW = { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#8b95a7' };
const SELECTED_ARROW = { ...ARROW, width: 16, height: 16, color: '#4f46e5' };

const sameEdgeInputs = (a: EdgeInputs, b: EdgeInputs) =>
  a.edge === b.edge && a.selected === b.selected && a.route === b.route && a.readOnly === b.readOnly;

function routedEdge({ edge, selected, route, readOnly }: EdgeInputs): RoutedEdge {
  return {
    id: edge.id,
    type: 'routed',
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    targetHandle: 'in',
    selected,
    deletable: !readOnly,
    markerEnd: selected ? SELECTED_ARROW : ARROW,
    data: route ? { points: route, readOnly } : { readOnly },
  };
}

export class EdgeCache {
  private cache = new ReuseById(sameEdgeInputs, routedEdge);

  /** `routes`: the edges' stored routes still usable (see usableRoutes). */
  edges(
    doc: FlowDocument,
    selected: ReadonlySet<string>,
    routes: ReadonlyMap<string, Point[]> = new Map(),
    readOnly = false,
  ): RoutedEdge[] {
    return this.cache.all(doc.edges, (edge) => ({
      edge,
      selected: selected.has(edge.id),
      route: routes.get(edge.id),
      readOnly,
    }));
  }
}
