import type { FlowDocument, Position } from '@flowdesk/flow-schema';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { moveBlocks, removeElements } from './graph-ops';
import { commit, createHistory, type History, redo, reset, transient, undo } from './history';

export interface Selection {
  blocks: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface EditorState {
  history: History<FlowDocument>;
  selection: Selection;
}

export type EditorAction =
  /** Replace the document without an undo step (loaded, rolled back). */
  | { type: 'load'; doc: FlowDocument }
  /** An edit; the same `coalesceKey` in a row merges into one undo step (typing). */
  | { type: 'apply'; edit: (doc: FlowDocument) => FlowDocument | EditResult; coalesceKey?: string }
  | { type: 'select'; blocks: string[]; edges?: string[] }
  | { type: 'nodes_changed'; changes: NodeChange[] }
  | { type: 'edges_changed'; changes: EdgeChange[] }
  | { type: 'undo' }
  | { type: 'redo' };

/** An edit that also says which blocks to select afterwards (added or pasted ones). */
export interface EditResult {
  doc: FlowDocument;
  select: string[];
}

const EMPTY: Selection = { blocks: new Set(), edges: new Set() };

export function initialEditorState(doc: FlowDocument): EditorState {
  return { history: createHistory(doc), selection: EMPTY };
}

export const currentDoc = (state: EditorState) => state.history.present;

/** Drops selected ids that no longer exist (after undo, delete); sticky notes and groups are selected like blocks. */
function pruneSelection(selection: Selection, doc: FlowDocument): Selection {
  const blocks = new Set([
    ...doc.blocks.map((b) => b.id),
    ...(doc.notes ?? []).map((n) => n.id),
    ...(doc.groups ?? []).map((g) => g.id),
  ]);
  const edges = new Set(doc.edges.map((e) => e.id));
  const keptBlocks = [...selection.blocks].filter((id) => blocks.has(id));
  const keptEdges = [...selection.edges].filter((id) => edges.has(id));
  if (keptBlocks.length === selection.blocks.size && keptEdges.length === selection.edges.size) return selection;
  return { blocks: new Set(keptBlocks), edges: new Set(keptEdges) };
}

function applySelectChanges(
  selection: Selection,
  changes: (NodeChange | EdgeChange)[],
  kind: 'blocks' | 'edges',
): Selection {
  const selects = changes.filter((c) => c.type === 'select');
  if (selects.length === 0) return selection;
  const next = new Set(selection[kind]);
  for (const change of selects) {
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return { ...selection, [kind]: next };
}

/** Commits React Flow's removals of blocks or edges onto `history`, then applies its selection changes. */
function removeAndSelect(
  state: EditorState,
  history: History<FlowDocument>,
  changes: (NodeChange | EdgeChange)[],
  kind: 'blocks' | 'edges',
): EditorState {
  const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
  if (removed.length > 0) {
    const ids = kind === 'blocks' ? { blockIds: removed } : { edgeIds: removed };
    history = commit(history, removeElements(history.present, ids));
  }
  const selection = pruneSelection(applySelectChanges(state.selection, changes, kind), history.present);
  return history === state.history && selection === state.selection ? state : { history, selection };
}

function onNodesChanged(state: EditorState, changes: NodeChange[]): EditorState {
  let { history } = state;
  const positions = new Map<string, Position>();
  let dragEnded = false;
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      positions.set(change.id, change.position);
      if (!change.dragging) dragEnded = true;
    } else if (change.type === 'position' && !change.dragging && history.pending) {
      dragEnded = true;
    }
  }
  if (positions.size > 0) {
    const moved = moveBlocks(history.present, positions);
    history = dragEnded ? commit(history, moved) : transient(history, moved);
  } else if (dragEnded) {
    history = commit(history, history.present);
  }
  return removeAndSelect(state, history, changes, 'blocks');
}

function onEdgesChanged(state: EditorState, changes: EdgeChange[]): EditorState {
  return removeAndSelect(state, state.history, changes, 'edges');
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return { history: reset(action.doc), selection: pruneSelection(state.selection, action.doc) };
    case 'apply': {
      const result = action.edit(state.history.present);
      const doc = 'select' in result ? result.doc : result;
      const history = commit(state.history, doc, action.coalesceKey);
      const selection =
        'select' in result ? { blocks: new Set(result.select), edges: new Set<string>() } : state.selection;
      return { history, selection: pruneSelection(selection, doc) };
    }
    case 'select':
      return { ...state, selection: { blocks: new Set(action.blocks), edges: new Set(action.edges ?? []) } };
    case 'nodes_changed':
      return onNodesChanged(state, action.changes);
    case 'edges_changed':
      return onEdgesChanged(state, action.changes);
    case 'undo': {
      const history = undo(state.history);
      return { history, selection: pruneSelection(state.selection, history.present) };
    }
    case 'redo': {
      const history = redo(state.history);
      return { history, selection: pruneSelection(state.selection, history.present) };
    }
  }
}
