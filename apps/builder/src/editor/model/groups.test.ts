import { FlowDocument } from '@flowdesk/flow-schema';
import { expect, test } from 'vitest';
import { applyLayout, elkLayout } from './elk-layout';
import { generatedFlow } from './generated-flow';
import { rectsCrossed, rectsOverlap } from './geometry';
import { moveBlocks, removeElements } from './graph-ops';
import { groupBlocks, groupFrame, recolorGroup, renameGroup, ungroup } from './groups';
import { estimatedGeometry } from './layout';
import { loadDocument } from './load-document';
import { sampleFlow } from './test-flow';

const at = (doc: FlowDocument, id: string) => doc.blocks.find((b) => b.id === id)!.position;

test('blocks are grouped, renamed, recoloured and ungrouped; the blocks and edges stay', () => {
  const made = groupBlocks(sampleFlow(), ['welcome', 'menu', 'nope'])!;
  expect(made.doc.groups).toEqual([{ id: made.id, title: 'Group', color: 'blue', blockIds: ['welcome', 'menu'] }]);
  const renamed = recolorGroup(renameGroup(made.doc, made.id, '<b>Greeting</b>'), made.id, 'green');
  expect(renamed.groups![0]).toMatchObject({ title: '<b>Greeting</b>', color: 'green' });
  // Grouping a block again moves it to the new group; the old group keeps the rest.
  const regrouped = groupBlocks(renamed, ['menu', 'handoff'])!;
  expect(regrouped.doc.groups!.map((g) => g.blockIds)).toEqual([['welcome'], ['menu', 'handoff']]);
  const ungrouped = ungroup(regrouped.doc, [made.id, regrouped.id]);
  expect(ungrouped.groups).toEqual([]);
  expect(ungrouped.blocks).toEqual(sampleFlow().blocks);
  expect(ungrouped.edges).toEqual(sampleFlow().edges);
  expect(groupBlocks(sampleFlow(), ['nope'])).toBeNull();
});

test('deleting a frame keeps its blocks; deleting blocks takes them out of the group, and an empty group goes', () => {
  const { doc, id } = groupBlocks(sampleFlow(), ['welcome', 'menu'])!;
  const frameOnly = removeElements(doc, { blockIds: [id] });
  expect(frameOnly.groups).toEqual([]);
  expect(frameOnly.blocks).toHaveLength(sampleFlow().blocks.length);
  const oneLess = removeElements(doc, { blockIds: ['welcome'] });
  expect(oneLess.groups![0]!.blockIds).toEqual(['menu']);
  expect(removeElements(doc, { blockIds: ['welcome', 'menu'] }).groups).toEqual([]);
  const both = removeElements(doc, { blockIds: [id, 'welcome', 'menu'] });
  expect(both.blocks.map((b) => b.id)).toEqual(['start', 'handoff', 'bye']);
});

test('dragging the frame moves its blocks by the same amount, and the frame fits around them', () => {
  const { doc, id } = groupBlocks(sampleFlow(), ['welcome', 'menu'])!;
  const frame = groupFrame(doc, doc.groups![0]!)!;
  expect(frame.x).toBeLessThan(300);
  expect(frame.x + frame.width).toBeGreaterThan(600 + estimatedGeometry(doc.blocks[2]!).width);
  const moved = moveBlocks(doc, new Map([[id, { x: frame.x + 100, y: frame.y + 50 }]]));
  expect(at(moved, 'welcome')).toEqual({ x: 400, y: 50 });
  expect(at(moved, 'menu')).toEqual({ x: 700, y: 50 });
  expect(at(moved, 'handoff')).toEqual(at(doc, 'handoff'));
  expect(groupFrame(moved, moved.groups![0]!)).toEqual({ ...frame, x: frame.x + 100, y: frame.y + 50 });
});

test('groups survive a save and a reload; the schema bounds them and rejects bad ones', () => {
  const { doc } = groupBlocks(sampleFlow(), ['welcome'])!;
  const reloaded = loadDocument(JSON.parse(JSON.stringify(doc)), { id: 'x', name: 'x' });
  expect(reloaded.groups).toEqual(doc.groups);
  expect(FlowDocument.parse(doc).groups).toEqual(doc.groups);
});

test('tidy up keeps grouped blocks together inside their frame, and no other block overlaps the frame', async () => {
  const base = generatedFlow(20);
  const grouped = groupBlocks(base, ['b3', 'b9', 'b15'])!;
  const laidOut = applyLayout(grouped.doc, await elkLayout(grouped.doc));
  const frame = groupFrame(laidOut, laidOut.groups![0]!)!;
  const rects = new Map(laidOut.blocks.map((b) => [b.id, { ...b.position, ...estimatedGeometry(b) }] as const));
  for (const [blockId, rect] of rects) {
    if (['b3', 'b9', 'b15'].includes(blockId)) continue;
    expect(rectsOverlap(frame, rect), `${blockId} overlaps the group`).toBe(false);
  }
  for (const [i, a] of laidOut.blocks.entries())
    for (const b of laidOut.blocks.slice(i + 1))
      expect(rectsOverlap(rects.get(a.id)!, rects.get(b.id)!), `${a.id} / ${b.id}`).toBe(false);
  for (const edge of laidOut.edges) {
    expect(edge.points, edge.id).toBeDefined();
    expect(rectsCrossed(edge.points!, rects), edge.id).toEqual([]);
    // Routes still start at the output handle, also inside the group.
    const source = laidOut.blocks.find((b) => b.id === edge.source)!;
    const out = estimatedGeometry(source).outputs.get(edge.sourceHandle)!;
    expect(Math.abs(edge.points![0]!.x - (source.position.x + out.x)), edge.id).toBeLessThanOrEqual(1);
  }
}, 30_000);
