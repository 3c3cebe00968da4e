import type { Block, Edge, FlowDocument } from '@flowdesk/flow-schema';
import { type Point, type Rect, rectsOverlap } from './geometry';
import { addBlocks, blockIds } from './graph-ops';
import { newId } from './ids';
import { estimatedGeometry, NODE_WIDTH } from './layout';

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

const blockRect = (block: Block, offset: Point): Rect => ({
  x: block.position.x + offset.x,
  y: block.position.y + offset.y,
  width: NODE_WIDTH,
  height: estimatedGeometry(block).height,
});

/** The shift that centres the blocks in `view` (whole pixels, so pasting there again is recognised). */
function intoView(blocks: Block[], view: Rect): Point {
  const rects = blocks.map((b) => blockRect(b, { x: 0, y: 0 }));
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const width = Math.max(...rects.map((r) => r.x + r.width)) - left;
  const height = Math.max(...rects.map((r) => r.y + r.height)) - top;
  return {
    x: Math.round(view.x + Math.max(0, (view.width - width) / 2) - left),
    y: Math.round(view.y + Math.max(0, (view.height - height) / 2) - top),
  };
}

/**
 * How far to shift a paste: one step from the copied blocks, or into the middle of `view` (the canvas the admin
 * sees) when that spot is out of sight (copied from another flow or another part of this one); then one step
 * more for each earlier paste still there, so a paste does not sit exactly on the last one and look like nothing.
 */
function pasteOffset(doc: FlowDocument, blocks: Block[], view?: Rect): Point {
  const seen = (offset: Point) => !view || blocks.some((b) => rectsOverlap(blockRect(b, offset), view));
  const start = seen(PASTE_STEP) ? PASTE_STEP : intoView(blocks, view!);
  const occupied = new Set(doc.blocks.map((b) => `${b.position.x},${b.position.y}`));
  const lands = (offset: Point) =>
    blocks.some((b) => occupied.has(`${b.position.x + offset.x},${b.position.y + offset.y}`));
  const offset = { ...start };
  for (let i = 0; i < 100 && lands(offset); i++) {
    offset.x += PASTE_STEP.x;
    offset.y += PASTE_STEP.y;
  }
  return offset;
}

/**
 * Pastes with fresh ids, shifted clear of earlier pastes and, given the `view`, where the admin can see it;
 * returns the new document and the pasted block ids.
 */
export function pasteBlocks(
  doc: FlowDocument,
  payload: ClipboardPayload,
  view?: Rect,
): { doc: FlowDocument; pastedIds: string[] } {
  const offset = pasteOffset(doc, payload.blocks, view);
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
