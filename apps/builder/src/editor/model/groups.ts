import { type FlowDocument, type FlowGroup, GROUP_COLORS, type Position } from '@flowdesk/flow-schema';
import { newId } from './ids';
import { estimatedGeometry } from './layout';

/** Room between a group's frame and its blocks, and the frame's title strip (`.group-node` in styles/editor/notes-groups.css). */
export const GROUP_PADDING = 24;
export const GROUP_TITLE_HEIGHT = 40;

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

type SizeOf = (blockId: string) => { width: number; height: number } | undefined;

/** Ids of every group, note and block: a new one must not clash with any of them (they share the canvas). */
function takenIds(doc: FlowDocument): Set<string> {
  return new Set([
    ...doc.blocks.map((b) => b.id),
    ...(doc.notes ?? []).map((n) => n.id),
    ...(doc.groups ?? []).map((g) => g.id),
  ]);
}

/** The group's frame: around its blocks (real size where known, else the estimate), with the title strip on top. */
export function groupFrame(doc: FlowDocument, group: FlowGroup, sizeOf: SizeOf = () => undefined): Frame | null {
  const members = new Set(group.blockIds);
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const block of doc.blocks) {
    if (!members.has(block.id)) continue;
    const size = sizeOf(block.id) ?? estimatedGeometry(block);
    left = Math.min(left, block.position.x);
    top = Math.min(top, block.position.y);
    right = Math.max(right, block.position.x + size.width);
    bottom = Math.max(bottom, block.position.y + size.height);
  }
  if (left === Number.POSITIVE_INFINITY) return null;
  return {
    x: left - GROUP_PADDING,
    y: top - GROUP_PADDING - GROUP_TITLE_HEIGHT,
    width: right - left + 2 * GROUP_PADDING,
    height: bottom - top + 2 * GROUP_PADDING + GROUP_TITLE_HEIGHT,
  };
}

/** Frames the given blocks as a new group (taking them out of any group they were in); returns its id. */
export function groupBlocks(doc: FlowDocument, ids: Iterable<string>): { doc: FlowDocument; id: string } | null {
  const wanted = new Set(ids);
  const blockIds = doc.blocks.filter((b) => wanted.has(b.id)).map((b) => b.id);
  if (blockIds.length === 0) return null;
  const existing = doc.groups ?? [];
  const id = newId('group', takenIds(doc));
  const color = GROUP_COLORS[existing.length % GROUP_COLORS.length]!;
  const others = withoutBlocks(existing, new Set(blockIds));
  return { doc: { ...doc, groups: [...others, { id, title: 'Group', color, blockIds }] }, id };
}

/** Groups without the given blocks; a group left empty goes away. */
export function withoutBlocks(groups: readonly FlowGroup[], removed: ReadonlySet<string>): FlowGroup[] {
  return groups
    .map((g) =>
      g.blockIds.some((b) => removed.has(b)) ? { ...g, blockIds: g.blockIds.filter((b) => !removed.has(b)) } : g,
    )
    .filter((g) => g.blockIds.length > 0);
}

/** Removes the frames only; their blocks stay where they are. */
export function ungroup(doc: FlowDocument, groupIds: Iterable<string>): FlowDocument {
  const drop = new Set(groupIds);
  if (!doc.groups?.some((g) => drop.has(g.id))) return doc;
  return { ...doc, groups: doc.groups.filter((g) => !drop.has(g.id)) };
}

export function renameGroup(doc: FlowDocument, id: string, title: string): FlowDocument {
  return { ...doc, groups: (doc.groups ?? []).map((g) => (g.id === id ? { ...g, title: title.slice(0, 100) } : g)) };
}

export function recolorGroup(doc: FlowDocument, id: string, color: FlowGroup['color']): FlowDocument {
  return { ...doc, groups: (doc.groups ?? []).map((g) => (g.id === id ? { ...g, color } : g)) };
}

/**
 * Turns a group's new frame position into moves of its blocks (dragging a frame moves what it holds).
 * Blocks that move by themselves in the same change (dragged together with the frame) keep their own position.
 */
export function expandGroupMoves(doc: FlowDocument, positions: ReadonlyMap<string, Position>): Map<string, Position> {
  const expanded = new Map(positions);
  for (const group of doc.groups ?? []) {
    const to = positions.get(group.id);
    if (!to) continue;
    expanded.delete(group.id);
    const frame = groupFrame(doc, group);
    if (!frame) continue;
    const dx = to.x - frame.x;
    const dy = to.y - frame.y;
    const members = new Set(group.blockIds);
    for (const block of doc.blocks)
      if (members.has(block.id) && !positions.has(block.id))
        expanded.set(block.id, { x: block.position.x + dx, y: block.position.y + dy });
  }
  return expanded;
}

/** The group a block belongs to, if any. */
export function groupOf(doc: FlowDocument, blockId: string): FlowGroup | undefined {
  return doc.groups?.find((g) => g.blockIds.includes(blockId));
}
