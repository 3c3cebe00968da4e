import { expect, test } from 'vitest';
import { estimatedHeight, NODE_WIDTH } from './layout';
import { sampleFlow } from './test-flow';
import { blocksBounds, fitViewport, initialViewport, READABLE_ZOOM, SMALLEST_BLOCK_FONT } from './viewport';

test('bounds cover every block with its estimated size', () => {
  const bounds = blocksBounds(sampleFlow())!;
  expect(bounds.x).toBe(0);
  expect(bounds.width).toBe(1200 + NODE_WIDTH);
  expect(bounds.height).toBe(estimatedHeight(3)); // the handoff block has three outputs
  expect(blocksBounds({ ...sampleFlow(), blocks: [] })).toBeNull();
});

test('a flow that fits at a readable zoom is zoomed to fit and centred', () => {
  const viewport = fitViewport({ x: 0, y: 0, width: 1800, height: 200 }, { width: 2000, height: 800 }, { padding: 0 });
  expect(viewport.zoom).toBe(1);
  expect(viewport.x).toBe(100);
  const fitted = fitViewport({ x: 0, y: 0, width: 1100, height: 200 }, { width: 1000, height: 800 }, { padding: 0 });
  expect(fitted.zoom).toBeCloseTo(1000 / 1100);
  expect(fitted.y).toBeCloseTo(400 - 100 * fitted.zoom);
});

test('a single block is shown at 100 %, never zoomed in', () => {
  const viewport = fitViewport({ x: 80, y: 200, width: 260, height: 110 }, { width: 700, height: 700 });
  expect(viewport.zoom).toBe(1);
  expect(viewport.x + (80 + 130) * viewport.zoom).toBe(350);
});

test('a big flow never zooms out past 12 px text; it opens on its corner with the start block on screen', () => {
  expect(READABLE_ZOOM * SMALLEST_BLOCK_FONT).toBeCloseTo(12);
  const size = { width: 800, height: 600 };
  const viewport = fitViewport({ x: 100, y: 50, width: 100_000, height: 5000 }, size);
  expect(viewport.zoom).toBe(READABLE_ZOOM);
  expect(viewport.x + 100 * viewport.zoom).toBe(32);
  expect(viewport.y + 50 * viewport.zoom).toBe(32);
  const anchored = fitViewport({ x: 0, y: 0, width: 5000, height: 5000 }, size, {
    anchor: { x: 0, y: 3000, width: 260, height: 130 },
  });
  expect(anchored.y + 3000 * anchored.zoom).toBe(32);
  expect(anchored.x).toBe(32);
});

test('a flow opens fitted when small, on its start block at a readable zoom when large', () => {
  const size = { width: 800, height: 600 };
  const small = sampleFlow();
  expect(initialViewport(small, size)!.zoom).toBe(READABLE_ZOOM); // 1460 px wide does not fit 800 px
  const start = small.blocks[0]!;
  const wide = {
    ...small,
    blocks: small.blocks.map((b) => ({ ...b, position: { x: b.position.x, y: b.position.y } })),
  };
  const viewport = initialViewport(wide, size)!;
  expect(viewport.x + start.position.x * viewport.zoom).toBe(32);
  const tiny = { ...small, blocks: [start] };
  expect(initialViewport(tiny, size)!.zoom).toBe(1);
  expect(initialViewport({ ...small, blocks: [] }, size)).toBeNull();
});
