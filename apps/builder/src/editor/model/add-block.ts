import type { BlockType, FlowDocument, Position } from '@flowdesk/flow-schema';
import { rectsOverlap } from './geometry';
import { addBlocks, connect, createBlock, ENTRY_TYPES } from './graph-ops';
import { estimatedGeometry, NODE_WIDTH } from './layout';
import { outputsOf } from './outputs';

const GAP_X = 80;

/**
 * Adds a block from the palette. With one block selected it goes to the right of it and, when that
 * block has an output not yet connected, gets connected to it — building a flow is then click, click, click.
 */
export function addBlockNear(
  doc: FlowDocument,
  type: BlockType,
  anchorId: string | null,
  fallback: Position,
): { doc: FlowDocument; id: string } {
  const anchor = anchorId ? doc.blocks.find((b) => b.id === anchorId) : undefined;
  const position = anchor ? { x: anchor.position.x + NODE_WIDTH + GAP_X, y: anchor.position.y } : fallback;
  while (
    doc.blocks.some(
      (b) => Math.abs(b.position.x - position.x) < NODE_WIDTH && Math.abs(b.position.y - position.y) < 100,
    )
  ) {
    position.y += 120;
  }
  const block = createBlock(doc, type, position);
  let next = addBlocks(doc, [block]);
  if (anchor && !ENTRY_TYPES.has(type)) {
    const free = outputsOf(anchor).find(
      (o) => !doc.edges.some((e) => e.source === anchor.id && e.sourceHandle === o.id),
    );
    if (free) next = connect(next, { source: anchor.id, sourceHandle: free.id, target: block.id });
  }
  return { doc: next, id: block.id };
}

/**
 * Adds a block whose input sits where an output's connection was dropped on empty canvas, and connects
 * that output to it (an earlier connection from the same output is replaced, as when connecting by hand).
 */
export function addConnectedBlock(
  doc: FlowDocument,
  type: BlockType,
  from: { source: string; sourceHandle: string; position: Position },
): { doc: FlowDocument; id: string } {
  const draft = createBlock(doc, type, { x: 0, y: 0 });
  const { input } = estimatedGeometry(draft);
  const size = estimatedGeometry(draft);
  const position = { x: Math.round(from.position.x - input.x), y: Math.round(from.position.y - input.y) };
  // Not on top of another block: slide down until the spot is free.
  const overlaps = () =>
    doc.blocks.some((b) =>
      rectsOverlap(
        { ...position, width: size.width, height: size.height },
        { ...b.position, width: NODE_WIDTH, height: estimatedGeometry(b).height },
      ),
    );
  for (let i = 0; i < 50 && overlaps(); i++) position.y += 24;
  const block = { ...draft, position };
  const next = connect(addBlocks(doc, [block]), {
    source: from.source,
    sourceHandle: from.sourceHandle,
    target: block.id,
  });
  return { doc: next, id: block.id };
}
