import { type BlockType, blockDefinitions, isBlockType } from '@flowdesk/flow-schema';
import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  ReactFlow,
  type ReactFlowProps,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useEditor } from '../editor-context';
import { connect, connectionProblem, removeElements } from '../model/graph-ops';
import { usableRoutes } from '../model/routes';
import { type BlockNode, type Dimensions, EdgeCache, NodeCache, type NodeDecoration } from '../model/to-react-flow';
import { READABLE_ZOOM } from '../model/viewport';
import { nodeTypes } from './BlockNodeView';
import { BlockPicker } from './BlockPicker';
import { GROUP_FRAME_COLORS, type GroupNode, groupNodes } from './GroupNodeView';
import { type NoteNode, noteNodes } from './NoteNodeView';
import { BLOCK_DRAG_TYPE } from './Palette';
import { edgeTypes } from './RoutedEdge';

/** An output dragged onto empty canvas: the picker opens there and connects the block picked. */
export interface PendingConnection {
  source: string;
  sourceHandle: string;
  /** Where the new block's input goes, in flow coordinates. */
  position: { x: number; y: number };
}

const PICKER_SIZE = { width: 250, height: 380 };

const GROUP_COLORS: Record<string, string> = {
  triggers: '#16a34a',
  messages: '#2563eb',
  questions: '#7c3aed',
  logic: '#d97706',
  ai: '#db2777',
  actions: '#0d9488',
};
/** `.type-human_handoff` in styles/editor/palette.css: the handoff block is red in the palette, on the canvas and in the minimap. */
const HANDOFF_COLOR = '#dc2626';
/** The controls' "fit view" stops at a zoom where block text stays at least 12 px; the user pans for the rest. */
const FIT_VIEW = { minZoom: READABLE_ZOOM, maxZoom: 1, padding: 0.06 };
const NOTE_COLOR = '#fde68a';
const SNAP: [number, number] = [16, 16];

/** How the canvas behaves whatever the flow: block and edge views, snapping, zoom range, multi-select keys, culling. */
const CANVAS_BEHAVIOUR = {
  nodeTypes,
  edgeTypes,
  elevateEdgesOnSelect: true,
  snapToGrid: true,
  snapGrid: SNAP,
  minZoom: 0.1,
  maxZoom: 2,
  fitViewOptions: FIT_VIEW,
  multiSelectionKeyCode: ['Meta', 'Control', 'Shift'],
  onlyRenderVisibleElements: true,
} satisfies Partial<ReactFlowProps>;

function minimapColor(node: BlockNode | NoteNode | GroupNode): string {
  if (node.type === 'note') return NOTE_COLOR;
  if (node.type === 'group') return GROUP_FRAME_COLORS[(node as GroupNode).data.color];
  const type = (node as BlockNode).data.block.type;
  if (type === 'human_handoff') return HANDOFF_COLOR;
  return isBlockType(type) ? (GROUP_COLORS[blockDefinitions[type].group.toLowerCase()] ?? '#94a3b8') : '#94a3b8';
}

export function Canvas({
  decorations,
  onDropBlock,
  onBlockClick,
  onPickConnected,
}: {
  decorations: ReadonlyMap<string, NodeDecoration>;
  onDropBlock: (type: BlockType, position: { x: number; y: number }) => void;
  onBlockClick: () => void;
  onPickConnected: (type: BlockType, from: PendingConnection) => void;
}) {
  const { doc, dispatch, selection, readOnly } = useEditor();
  const flow = useReactFlow();
  const nodeCache = useRef(new NodeCache()).current;
  const edgeCache = useRef(new EdgeCache()).current;
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(new Map());

  const blockNodes = useMemo(
    () => nodeCache.nodes(doc, selection.blocks, measured, decorations, readOnly),
    [nodeCache, doc, selection.blocks, measured, decorations, readOnly],
  );
  const notes = useMemo(
    () => noteNodes(doc.notes ?? [], selection.blocks, readOnly),
    [doc.notes, selection.blocks, readOnly],
  );
  const groups = useMemo(
    () => groupNodes(doc, selection.blocks, measured, readOnly),
    [doc, selection.blocks, measured, readOnly],
  );
  const nodes = useMemo(
    () => (notes.length || groups.length ? [...groups, ...notes, ...blockNodes] : blockNodes),
    [groups, notes, blockNodes],
  );
  const routes = useMemo(() => usableRoutes(doc, (b) => measured.get(b.id)), [doc, measured]);
  const edges = useMemo(
    () => edgeCache.edges(doc, selection.edges, routes, readOnly),
    [edgeCache, doc, selection.edges, routes, readOnly],
  );
  const [picker, setPicker] = useState<(PendingConnection & { left: number; top: number }) | null>(null);
  const closePicker = useCallback(() => setPicker(null), []);
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (readOnly || state.isValid || state.toNode || !state.fromNode || !state.fromHandle?.id) return;
      if (state.fromHandle.type !== 'source') return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const rect = document.querySelector('.canvas')?.getBoundingClientRect();
      if (!rect) return;
      const left = Math.min(Math.max(point.clientX - rect.left, 8), rect.width - PICKER_SIZE.width - 8);
      const top = Math.min(Math.max(point.clientY - rect.top, 8), rect.height - PICKER_SIZE.height - 8);
      setPicker({
        source: state.fromNode.id,
        sourceHandle: state.fromHandle.id,
        position: flow.screenToFlowPosition({ x: point.clientX, y: point.clientY }),
        left,
        top,
      });
    },
    [flow, readOnly],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const sizes = changes.filter((c) => c.type === 'dimensions' && c.dimensions);
      if (sizes.length > 0) {
        setMeasured((previous) => {
          const next = new Map(previous);
          for (const change of sizes)
            if (change.type === 'dimensions' && change.dimensions) next.set(change.id, change.dimensions);
          return next;
        });
      }
      // Removals arrive through onDelete, as one undo step for the blocks and edges deleted together.
      const rest = changes.filter(
        (c) => c.type !== 'dimensions' && c.type !== 'remove' && (!readOnly || c.type === 'select'),
      );
      if (rest.length > 0) dispatch({ type: 'nodes_changed', changes: rest });
    },
    [dispatch, readOnly],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const allowed = changes.filter((c) => (readOnly ? c.type === 'select' : c.type !== 'remove'));
      if (allowed.length > 0) dispatch({ type: 'edges_changed', changes: allowed });
    },
    [dispatch, readOnly],
  );
  const onDelete = useCallback(
    ({ nodes: blocks, edges: links }: { nodes: { id: string }[]; edges: { id: string }[] }) => {
      if (readOnly || (blocks.length === 0 && links.length === 0)) return;
      dispatch({
        type: 'apply',
        edit: (d) => removeElements(d, { blockIds: blocks.map((b) => b.id), edgeIds: links.map((e) => e.id) }),
      });
    },
    [dispatch, readOnly],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (c.sourceHandle)
        dispatch({
          type: 'apply',
          edit: (d) => connect(d, { source: c.source, sourceHandle: c.sourceHandle!, target: c.target }),
        });
    },
    [dispatch],
  );
  const isValidConnection = useCallback(
    (c: Connection | { source: string; target: string; sourceHandle?: string | null }) =>
      !!c.sourceHandle &&
      connectionProblem(doc, { source: c.source, sourceHandle: c.sourceHandle, target: c.target }) === null,
    [doc],
  );

  function onDrop(event: DragEvent) {
    const type = event.dataTransfer.getData(BLOCK_DRAG_TYPE);
    if (!isBlockType(type) || readOnly) return;
    event.preventDefault();
    onDropBlock(type, flow.screenToFlowPosition({ x: event.clientX - 20, y: event.clientY - 20 }));
  }

  return (
    <div
      className="canvas"
      role="application"
      aria-label="Flow editor canvas: drop blocks here"
      onDrop={onDrop}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(BLOCK_DRAG_TYPE)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
        }
      }}
    >
      <ReactFlow
        {...CANVAS_BEHAVIOUR}
        nodes={nodes}
        edges={edges}
        onConnectEnd={onConnectEnd}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onNodeClick={onBlockClick}
        isValidConnection={isValidConnection}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        aria-label="Flow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
        <MiniMap pannable zoomable ariaLabel="Mini map" nodeColor={minimapColor} style={{ width: 150, height: 100 }} />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
      </ReactFlow>
      {picker ? (
        <BlockPicker
          at={{ left: picker.left, top: picker.top }}
          hasStart={doc.blocks.some((b) => b.type === 'start')}
          onClose={closePicker}
          onPick={(type) => {
            setPicker(null);
            onPickConnected(type, picker);
          }}
        />
      ) : null}
    </div>
  );
}
