import { expect, test } from 'vitest';
import { applyLayout, elkLayout } from './elk-layout';
import { generatedFlow } from './generated-flow';
import { type Rect, rectsCrossed, rectsOverlap } from './geometry';
import { estimatedGeometry, NOTE_SIZE } from './layout';
import { sampleFlow } from './test-flow';

function blockRects(doc: ReturnType<typeof generatedFlow>): Map<string, Rect> {
  return new Map(
    doc.blocks.map((b) => {
      const g = estimatedGeometry(b);
      return [b.id, { x: b.position.x, y: b.position.y, width: g.width, height: g.height }];
    }),
  );
}

test('a 40-block flow after auto-layout: no blocks overlap, no edge crosses a block, every edge is routed', async () => {
  const doc = generatedFlow(40);
  expect(doc.blocks).toHaveLength(40);
  const laidOut = applyLayout(doc, await elkLayout(doc));
  const rects = blockRects(laidOut);
  const list = [...rects];
  for (const [i, [a, ra]] of list.entries())
    for (const [b, rb] of list.slice(i + 1)) expect(rectsOverlap(ra, rb), `${a} overlaps ${b}`).toBe(false);
  for (const edge of laidOut.edges) {
    expect(edge.points, edge.id).toBeDefined();
    expect(rectsCrossed(edge.points!, rects), `${edge.id} ${edge.source}→${edge.target}`).toEqual([]);
    // Orthogonal: every segment is horizontal or vertical.
    for (let i = 1; i < edge.points!.length; i++) {
      const [p, q] = [edge.points![i - 1]!, edge.points![i]!];
      expect(p.x === q.x || p.y === q.y, `${edge.id} segment ${i}`).toBe(true);
    }
  }
  // The layout is not one long row: it wraps.
  const ys = new Set(laidOut.blocks.map((b) => Math.round(b.position.y / 50)));
  const xs = laidOut.blocks.map((b) => b.position.x);
  expect(ys.size).toBeGreaterThan(3);
  expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(40 * 260);
}, 30_000);

test('routes start at the output handle and end at the input handle; a loop back goes around', async () => {
  const doc = sampleFlow();
  doc.edges.push({ id: 'back', source: 'handoff', sourceHandle: 'handed_off', target: 'welcome' });
  const laidOut = applyLayout(doc, await elkLayout(doc));
  const at = (id: string) => laidOut.blocks.find((b) => b.id === id)!;
  for (const edge of laidOut.edges) {
    const source = at(edge.source);
    const target = at(edge.target);
    const out = estimatedGeometry(source).outputs.get(edge.sourceHandle)!;
    const first = edge.points![0]!;
    const last = edge.points!.at(-1)!;
    expect(Math.abs(first.x - (source.position.x + out.x))).toBeLessThanOrEqual(1);
    expect(Math.abs(first.y - (source.position.y + out.y))).toBeLessThanOrEqual(1);
    expect(Math.abs(last.x - (target.position.x + estimatedGeometry(target).input.x))).toBeLessThanOrEqual(1);
    expect(Math.abs(last.y - (target.position.y + estimatedGeometry(target).input.y))).toBeLessThanOrEqual(1);
  }
  const back = laidOut.edges.find((e) => e.id === 'back')!;
  expect(back.points!.length).toBeGreaterThanOrEqual(4);
  expect(rectsCrossed(back.points!, blockRects(laidOut))).toEqual([]);
});

test('sticky notes are laid out with the blocks, so nothing lands on them', async () => {
  const doc = sampleFlow();
  doc.notes = [{ id: 'note_1', text: 'Ask sales', position: { x: 300, y: 0 } }]; // on top of a block
  const laidOut = applyLayout(doc, await elkLayout(doc));
  const note = laidOut.notes![0]!;
  const noteRect = { ...note.position, ...NOTE_SIZE };
  for (const [id, rect] of blockRects(laidOut)) expect(rectsOverlap(noteRect, rect), id).toBe(false);
  expect(note.text).toBe('Ask sales');
});
