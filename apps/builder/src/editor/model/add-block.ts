import type { BlockType, FlowDocument, Position } from '@flowdesk/flow-schema';
import { addBlocks, connect, createBlock, ENTRY_TYPES, outputsOf } from './graph-ops';
import { NODE_WIDTH } from './layout';

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
