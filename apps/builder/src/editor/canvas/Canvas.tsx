import { type BlockType, blockDefinitions, isBlockType } from '@flowdesk/flow-schema';
import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useEditor } from '../editor-context';
import { connect, connectionProblem, removeElements } from '../model/graph-ops';
import { type BlockNode, type Dimensions, EdgeCache, NodeCache, type NodeDecoration } from '../model/to-react-flow';
import { nodeTypes } from './BlockNodeView';
import { BLOCK_DRAG_TYPE } from './Palette';

const GROUP_COLORS: Record<string, string> = {
  triggers: '#16a34a',
  messages: '#2563eb',
  questions: '#7c3aed',
  logic: '#d97706',
  ai: '#db2777',
  actions: '#0d9488',
};
const DEFAULT_EDGE = { type: 'smoothstep', markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const SNAP: [number, number] = [16, 16];

function minimapColor(node: BlockNode): string {
  const type = node.data.block.type;
  return isBlockType(type) ? (GROUP_COLORS[blockDefinitions[type].group.toLowerCase()] ?? '#94a3b8') : '#94a3b8';
}

export function Canvas({
  decorations,
  onDropBlock,
  onBlockClick,
}: {
  decorations: ReadonlyMap<string, NodeDecoration>;
  onDropBlock: (type: BlockType, position: { x: number; y: number }) => void;
  onBlockClick: () => void;
}) {
  const { doc, dispatch, selection, readOnly } = useEditor();
  const flow = useReactFlow();
  const nodeCache = useRef(new NodeCache()).current;
  const edgeCache = useRef(new EdgeCache()).current;
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(new Map());

  const nodes = useMemo(
    () => nodeCache.nodes(doc, selection.blocks, measured, decorations, readOnly),
    [nodeCache, doc, selection.blocks, measured, decorations, readOnly],
  );
  const edges = useMemo(() => edgeCache.edges(doc, selection.edges), [edgeCache, doc, selection.edges]);

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
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onNodeClick={onBlockClick}
        isValidConnection={isValidConnection}
        defaultEdgeOptions={DEFAULT_EDGE}
        snapToGrid
        snapGrid={SNAP}
        minZoom={0.1}
        maxZoom={2}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        onlyRenderVisibleElements
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        aria-label="Flow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
        <MiniMap pannable zoomable ariaLabel="Mini map" nodeColor={minimapColor} style={{ width: 150, height: 100 }} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
