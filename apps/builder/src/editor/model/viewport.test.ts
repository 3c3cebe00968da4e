import { expect, test } from 'vitest';
import { estimatedHeight, NODE_WIDTH } from './layout';
import { sampleFlow } from './test-flow';
import { blocksBounds, fitViewport, initialViewport, LARGE_FLOW_BLOCKS } from './viewport';

test('bounds cover every block with its estimated size', () => {
  const bounds = blocksBounds(sampleFlow())!;
  expect(bounds.x).toBe(0);
  expect(bounds.width).toBe(1200 + NODE_WIDTH);
  expect(bounds.height).toBe(estimatedHeight(3)); // the handoff block has three outputs
  expect(blocksBounds({ ...sampleFlow(), blocks: [] })).toBeNull();
});

test('a wide flow is zoomed out to fit and centred', () => {
  const viewport = fitViewport({ x: 0, y: 0, width: 2000, height: 200 }, { width: 1000, height: 800 }, { padding: 0 });
  expect(viewport.zoom).toBe(0.5);
  expect(viewport.x).toBe(0);
  expect(viewport.y).toBe(400 - 50);
});

test('a single block is shown at 100 %, never zoomed in', () => {
  const viewport = fitViewport({ x: 80, y: 200, width: 260, height: 110 }, { width: 700, height: 700 });
  expect(viewport.zoom).toBe(1);
  expect(viewport.x + (80 + 130) * viewport.zoom).toBe(350);
});

test('huge flows stop at the minimum zoom', () => {
  expect(fitViewport({ x: 0, y: 0, width: 100_000, height: 100 }, { width: 500, height: 500 }).zoom).toBe(0.1);
});

test('a large flow opens on its start block at a readable zoom; a small one shows everything', () => {
  const size = { width: 800, height: 600 };
  const small = sampleFlow();
  expect(initialViewport(small, size)).toEqual(fitViewport(blocksBounds(small)!, size));
  const blocks = Array.from({ length: LARGE_FLOW_BLOCKS + 1 }, (_, i) => ({
    ...small.blocks[1]!,
    id: `b${i}`,
    position: { x: i * 300, y: 500 },
  }));
  const large = { ...small, blocks: [...blocks, { ...small.blocks[0]!, position: { x: 1000, y: 400 } }] };
  const viewport = initialViewport(large, size)!;
  expect(viewport.zoom).toBe(0.75);
  expect(viewport.x + 1000 * viewport.zoom).toBe(40);
  expect(initialViewport({ ...small, blocks: [] }, size)).toBeNull();
});
