import {
  type Block,
  type BlockType,
  blockDefinitions,
  blockTitle,
  type Edge,
  type FlowDocument,
  type Position,
  waitsBefore,
} from '@flowdesk/flow-schema';
import { expandGroupMoves, withoutBlocks } from './groups';
import { newId } from './ids';
import { outputsOf } from './outputs';

/** Pure, immutable edits of a flow document. Every function returns a new document (or the same one when nothing changed). */

/** Block types that start a path: they take no incoming edge. */
export const ENTRY_TYPES: ReadonlySet<BlockType> = new Set(['start', 'intent_trigger']);

export function blockIds(doc: FlowDocument): Set<string> {
  return new Set(doc.blocks.map((b) => b.id));
}

/** A new block of the type with its defaults, ids pointing at the flow's first intent where one is needed. */
export function createBlock(doc: FlowDocument, type: BlockType, position: Position): Block {
  const definition = blockDefinitions[type];
  const parsed = definition.data.safeParse(definition.defaults());
  const data = (parsed.success ? parsed.data : definition.defaults()) as Record<string, unknown>;
  const firstIntent = doc.intents[0]?.id;
  if (type === 'intent_trigger' && firstIntent) data.intentId = firstIntent;
  if (type === 'match_intent' && firstIntent) data.intentIds = [firstIntent];
  return { id: newId(type.replace('_', ''), blockIds(doc)), type, position: roundPosition(position), data } as Block;
}

function roundPosition(position: Position): Position {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}

export function addBlocks(doc: FlowDocument, blocks: Block[], edges: Edge[] = []): FlowDocument {
  return { ...doc, blocks: [...doc.blocks, ...blocks], edges: [...doc.edges, ...edges] };
}

/**
 * Removes blocks (and every edge touching them), sticky notes and group frames (by id, with the blocks) and
 * edges. A removed frame keeps its blocks; a removed block leaves its group. The start block stays.
 */
export function removeElements(
  doc: FlowDocument,
  ids: { blockIds?: Iterable<string>; edgeIds?: Iterable<string> },
): FlowDocument {
  const removeBlocks = new Set(ids.blockIds ?? []);
  for (const block of doc.blocks) if (block.type === 'start') removeBlocks.delete(block.id);
  const removeEdges = new Set(ids.edgeIds ?? []);
  if (removeBlocks.size === 0 && removeEdges.size === 0) return doc;
  const notes = doc.notes?.filter((n) => !removeBlocks.has(n.id));
  const groups =
    doc.groups &&
    withoutBlocks(
      doc.groups.filter((g) => !removeBlocks.has(g.id)),
      removeBlocks,
    );
  return {
    ...doc,
    ...(notes && notes.length !== doc.notes?.length ? { notes } : {}),
    ...(groups ? { groups } : {}),
    blocks: doc.blocks.filter((b) => !removeBlocks.has(b.id)),
    edges: doc.edges.filter(
      (e) => !removeEdges.has(e.id) && !removeBlocks.has(e.source) && !removeBlocks.has(e.target),
    ),
  };
}

export interface Connection {
  source: string;
  sourceHandle: string;
  target: string;
}

/** Why a connection is refused, or null when it is fine. */
export function connectionProblem(doc: FlowDocument, connection: Connection): string | null {
  const source = doc.blocks.find((b) => b.id === connection.source);
  const target = doc.blocks.find((b) => b.id === connection.target);
  if (!source || !target) return 'Both blocks must exist.';
  if (ENTRY_TYPES.has(target.type)) return `"${blockTitle(target)}" starts a path; nothing can lead into it.`;
  if (!outputsOf(source).some((o) => o.id === connection.sourceHandle)) return 'That output does not exist.';
  if (source.id === target.id && !waitsBefore(source, connection.sourceHandle))
    return 'A block can only loop to itself when it waits for the visitor.';
  return null;
}

/** Connects an output to a block. One output leads to one block, so an existing edge from it is replaced. */
export function connect(doc: FlowDocument, connection: Connection): FlowDocument {
  if (connectionProblem(doc, connection)) return doc;
  const kept = doc.edges.filter((e) => !(e.source === connection.source && e.sourceHandle === connection.sourceHandle));
  const id = newId('e', new Set(doc.edges.map((e) => e.id)));
  return { ...doc, edges: [...kept, { id, ...connection }] };
}

/** Moves blocks and notes; a group's frame moved to a new place moves its blocks with it. */
export function moveBlocks(doc: FlowDocument, moves: ReadonlyMap<string, Position>): FlowDocument {
  if (moves.size === 0) return doc;
  const positions = doc.groups?.length ? expandGroupMoves(doc, moves) : moves;
  const notes = doc.notes?.some((n) => positions.has(n.id))
    ? doc.notes.map((n) => {
        const position = positions.get(n.id);
        return position ? { ...n, position: roundPosition(position) } : n;
      })
    : doc.notes;
  return {
    ...doc,
    ...(notes ? { notes } : {}),
    blocks: doc.blocks.map((b) => {
      const position = positions.get(b.id);
      return position ? ({ ...b, position: roundPosition(position) } as Block) : b;
    }),
  };
}

/** Replaces a block's settings; edges from outputs that no longer exist (a deleted button) go away. */
export function updateBlockData(doc: FlowDocument, blockId: string, data: unknown): FlowDocument {
  let changed: Block | undefined;
  const blocks = doc.blocks.map((b) => {
    if (b.id !== blockId) return b;
    changed = { ...b, data } as Block;
    return changed;
  });
  if (!changed) return doc;
  const handles = new Set(outputsOf(changed).map((o) => o.id));
  const edges = doc.edges.filter((e) => e.source !== blockId || handles.has(e.sourceHandle));
  return { ...doc, blocks, edges: edges.length === doc.edges.length ? doc.edges : edges };
}

/** Renames a handle's edges (e.g. a button id change keeps its connection). */
export function renameHandle(doc: FlowDocument, blockId: string, from: string, to: string): FlowDocument {
  return {
    ...doc,
    edges: doc.edges.map((e) => (e.source === blockId && e.sourceHandle === from ? { ...e, sourceHandle: to } : e)),
  };
}

/** Names a block (shown on the canvas and wherever blocks are listed); an empty name goes back to its type. */
export function renameBlock(doc: FlowDocument, blockId: string, name: string): FlowDocument {
  const trimmed = name.slice(0, 100);
  return {
    ...doc,
    blocks: doc.blocks.map((b) => {
      if (b.id !== blockId) return b;
      const { name: _old, ...rest } = b;
      return (trimmed.trim() ? { ...rest, name: trimmed } : rest) as Block;
    }),
  };
}

/** Adds a sticky note (empty, ready to type in) at `position`; returns its id. */
export function addNote(doc: FlowDocument, position: Position): { doc: FlowDocument; id: string } {
  const taken = new Set([
    ...doc.blocks.map((b) => b.id),
    ...(doc.notes ?? []).map((n) => n.id),
    ...(doc.groups ?? []).map((g) => g.id),
  ]);
  const id = newId('note', taken);
  return { doc: { ...doc, notes: [...(doc.notes ?? []), { id, text: '', position: roundPosition(position) }] }, id };
}

/** Changes a sticky note's text. */
export function editNote(doc: FlowDocument, id: string, text: string): FlowDocument {
  return { ...doc, notes: (doc.notes ?? []).map((n) => (n.id === id ? { ...n, text: text.slice(0, 2000) } : n)) };
}
