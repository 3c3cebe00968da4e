import type { Block, Edge, FlowDocument } from '@flowdesk/flow-schema';
import { addBlocks, blockIds } from './graph-ops';
import { newId } from './ids';

/** Copied blocks and the edges between them; serialisable so it can live in localStorage. */
export interface ClipboardPayload {
  kind: 'flowdesk/blocks';
  blocks: Block[];
  edges: Edge[];
}

/** Copies the selected blocks (never the start block: a flow has exactly one). */
export function copyBlocks(doc: FlowDocument, selected: ReadonlySet<string>): ClipboardPayload | null {
  const blocks = doc.blocks.filter((b) => selected.has(b.id) && b.type !== 'start');
  if (blocks.length === 0) return null;
  const ids = new Set(blocks.map((b) => b.id));
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return structuredClone({ kind: 'flowdesk/blocks', blocks, edges });
}

export function isClipboardPayload(value: unknown): value is ClipboardPayload {
  const v = value as ClipboardPayload | null;
  return !!v && v.kind === 'flowdesk/blocks' && Array.isArray(v.blocks) && Array.isArray(v.edges);
}

const PASTE_STEP = { x: 40, y: 40 };

/**
 * How far to shift a paste: one step from the copied blocks, and one more for each earlier paste still there, so
 * pasting again does not stack the copy exactly on the last one (where it looks like nothing was pasted).
 */
function pasteOffset(doc: FlowDocument, blocks: Block[]): { x: number; y: number } {
  const occupied = new Set(doc.blocks.map((b) => `${b.position.x},${b.position.y}`));
  const lands = (steps: number) =>
    blocks.some((b) => occupied.has(`${b.position.x + PASTE_STEP.x * steps},${b.position.y + PASTE_STEP.y * steps}`));
  let steps = 1;
  while (steps < 100 && lands(steps)) steps += 1;
  return { x: PASTE_STEP.x * steps, y: PASTE_STEP.y * steps };
}

/** Pastes with fresh ids, shifted clear of earlier pastes; returns the new document and the pasted block ids. */
export function pasteBlocks(doc: FlowDocument, payload: ClipboardPayload): { doc: FlowDocument; pastedIds: string[] } {
  const offset = pasteOffset(doc, payload.blocks);
  const taken = blockIds(doc);
  const idMap = new Map<string, string>();
  const blocks = payload.blocks.map((block) => {
    const id = newId(block.type.replace('_', ''), taken);
    taken.add(id);
    idMap.set(block.id, id);
    return {
      ...structuredClone(block),
      id,
      position: { x: block.position.x + offset.x, y: block.position.y + offset.y },
    } as Block;
  });
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const edges = payload.edges.flatMap((edge) => {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) return [];
    const id = newId('e', edgeIds);
    edgeIds.add(id);
    return [{ ...edge, id, source, target }];
  });
  return { doc: addBlocks(doc, blocks, edges), pastedIds: blocks.map((b) => b.id) };
}
