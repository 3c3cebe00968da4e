import type { Block, FlowDocument, Position } from '@flowdesk/flow-schema';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Point } from './geometry';
import { GROUP_PADDING, GROUP_TITLE_HEIGHT } from './groups';
import { type BlockGeometry, estimatedGeometry, NOTE_SIZE } from './layout';

export interface LayoutResult {
  /** New top-left corner of every block. */
  positions: Map<string, Position>;
  /** Orthogonal route of every edge, from its output handle to its input handle (flow coordinates). */
  routes: Map<string, Point[]>;
}

/**
 * ELK's layered algorithm, left to right, with fixed ports where the handles are and orthogonal edge
 * routing: edges leave on the right, enter on the left and go around blocks, loops included. Long chains
 * wrap into several rows so a flow keeps a readable shape instead of one long line.
 */
export const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': '[top=40,left=40,bottom=40,right=40]',
  'elk.spacing.nodeNode': '56',
  'elk.spacing.edgeNode': '28',
  'elk.spacing.edgeEdge': '14',
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.layered.spacing.edgeNodeBetweenLayers': '28',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.wrapping.strategy': 'MULTI_EDGE',
  'elk.aspectRatio': '1.6',
  'elk.layered.wrapping.additionalEdgeSpacing': '28',
};

const inPort = (blockId: string) => `${blockId}::in`;
const outPort = (blockId: string, handle: string) => `${blockId}::out::${handle}`;

/** The ELK graph of a flow: one node per block with a port per handle, one edge per connection. */
export function toElkGraph(
  doc: FlowDocument,
  geometryOf: (block: Block) => BlockGeometry = estimatedGeometry,
  options: Record<string, string> = ELK_OPTIONS,
): ElkNode {
  const ports = new Set<string>();
  const children: ElkNode[] = doc.blocks.map((block) => {
    const g = geometryOf(block);
    const blockPorts = [
      { id: inPort(block.id), x: g.input.x, y: g.input.y, width: 0, height: 0, side: 'WEST', offset: -g.input.x },
      ...[...g.outputs].map(([handle, p]) => ({
        id: outPort(block.id, handle),
        x: p.x,
        y: p.y,
        width: 0,
        height: 0,
        side: 'EAST',
        offset: p.x - g.width,
      })),
    ];
    for (const port of blockPorts) ports.add(port.id);
    return {
      id: block.id,
      width: g.width,
      height: g.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: blockPorts.map(({ side, offset, ...port }) => ({
        ...port,
        // ELK puts a fixed port on its side's border, moved out by borderOffset: where the handle's edge end is.
        layoutOptions: { 'elk.port.side': side, 'elk.port.borderOffset': String(offset) },
      })),
    };
  });
  // Sticky notes take part so that nothing lands on them; they have no ports and no edges.
  for (const note of doc.notes ?? []) children.push({ id: note.id, width: NOTE_SIZE.width, height: NOTE_SIZE.height });
  const edges: ElkExtendedEdge[] = doc.edges
    .filter((e) => ports.has(outPort(e.source, e.sourceHandle)) && ports.has(inPort(e.target)))
    .map((e) => ({ id: e.id, sources: [outPort(e.source, e.sourceHandle)], targets: [inPort(e.target)] }));
  const grouped = groupedChildren(doc, children);
  if (grouped === children) return { id: 'root', layoutOptions: options, children, edges };
  return {
    id: 'root',
    // Groups are ELK compound nodes: their blocks are laid out together inside, edges cross the frames.
    // ELK's row wrapping and model-order crossing minimisation fail across a hierarchy (elkjs 0.12 throws),
    // so a flow with groups is laid out without them.
    layoutOptions: { ...withoutWrapping(options), 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' },
    children: grouped,
    edges,
  };
}

function withoutWrapping(options: Record<string, string>): Record<string, string> {
  const {
    'elk.layered.wrapping.strategy': _w,
    'elk.layered.wrapping.additionalEdgeSpacing': _s,
    'elk.layered.considerModelOrder.strategy': _o,
    ...rest
  } = options;
  return rest;
}

/** Moves each group's blocks into a compound node with room for the frame's title strip. */
function groupedChildren(doc: FlowDocument, children: ElkNode[]): ElkNode[] {
  if (!doc.groups?.length) return children;
  const byId = new Map(children.map((c) => [c.id, c]));
  const taken = new Set<string>();
  const groupNodes: ElkNode[] = [];
  for (const group of doc.groups) {
    const members = group.blockIds.filter((id) => byId.has(id) && !taken.has(id)).map((id) => byId.get(id)!);
    if (members.length === 0) continue;
    for (const m of members) taken.add(m.id);
    const inner = withoutWrapping(ELK_OPTIONS);
    groupNodes.push({
      id: group.id,
      layoutOptions: {
        ...inner,
        'elk.padding': `[top=${GROUP_PADDING + GROUP_TITLE_HEIGHT},left=${GROUP_PADDING},bottom=${GROUP_PADDING},right=${GROUP_PADDING}]`,
      },
      children: members,
    });
  }
  return [...children.filter((c) => !taken.has(c.id)), ...groupNodes];
}

/** Reads block positions and edge routes back from a laid-out ELK graph. */
export function fromElkGraph(graph: ElkNode): LayoutResult {
  const positions = new Map<string, Position>();
  // A group's children are placed relative to the group, and an edge relative to its container node.
  const origins = new Map<string, Point>([[graph.id, { x: 0, y: 0 }]]);
  const place = (nodes: ElkNode[] | undefined, at: Point) => {
    for (const child of nodes ?? []) {
      const p = { x: at.x + (child.x ?? 0), y: at.y + (child.y ?? 0) };
      if (child.children?.length) {
        origins.set(child.id, p);
        place(child.children, p);
      } else positions.set(child.id, p);
    }
  };
  place(graph.children, { x: 0, y: 0 });
  const routes = new Map<string, Point[]>();
  for (const edge of (graph.edges ?? []) as (ElkExtendedEdge & { container?: string })[]) {
    const section = edge.sections?.[0];
    if (!section) continue;
    const o = origins.get(edge.container ?? graph.id) ?? { x: 0, y: 0 };
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    routes.set(
      edge.id,
      points.map((p) => round({ x: p.x + o.x, y: p.y + o.y })),
    );
  }
  return { positions, routes };
}

const round = (p: Point): Point => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });

/** Lays a flow out with ELK (loaded on first use, so the editor's first load stays small). */
export async function elkLayout(
  doc: FlowDocument,
  geometryOf: (block: Block) => BlockGeometry = estimatedGeometry,
): Promise<LayoutResult> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  return fromElkGraph(await elk.layout(toElkGraph(doc, geometryOf)));
}

/** The flow with every block at its laid-out place and every edge carrying its route. */
export function applyLayout(doc: FlowDocument, layout: LayoutResult): FlowDocument {
  return {
    ...doc,
    blocks: doc.blocks.map((b) => {
      const p = layout.positions.get(b.id);
      return p ? ({ ...b, position: { x: Math.round(p.x), y: Math.round(p.y) } } as Block) : b;
    }),
    ...(doc.notes
      ? {
          notes: doc.notes.map((n) => {
            const p = layout.positions.get(n.id);
            return p ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } } : n;
          }),
        }
      : {}),
    edges: doc.edges.map((e) => {
      const route = layout.routes.get(e.id);
      const { points: _old, ...rest } = e;
      return route ? { ...rest, points: route } : rest;
    }),
  };
}
