import { expect, test } from 'vitest';
import { addBlockNear, addConnectedBlock } from './add-block';
import { removeElements } from './graph-ops';
import { estimatedGeometry } from './layout';
import { sampleFlow } from './test-flow';

test('without an anchor the block lands at the fallback position, unconnected', () => {
  const { doc, id } = addBlockNear(sampleFlow(), 'message', null, { x: 0, y: 400 });
  const block = doc.blocks.find((b) => b.id === id)!;
  expect(block.position).toEqual({ x: 0, y: 400 });
  expect(doc.edges.some((e) => e.target === id)).toBe(false);
});

test('next to a selected block with a free output it lands right of it and is connected', () => {
  const start = removeElements(sampleFlow(), { edgeIds: ['e4'] }); // menu's "pricing" output is free
  const { doc, id } = addBlockNear(start, 'ai_answer', 'menu', { x: 0, y: 0 });
  expect(doc.blocks.find((b) => b.id === id)!.position.x).toBeGreaterThan(600);
  expect(doc.edges.at(-1)).toMatchObject({ source: 'menu', sourceHandle: 'pricing', target: id });
});

test('no free output: placed but not connected; never on top of another block', () => {
  const base = sampleFlow();
  const { doc, id } = addBlockNear(base, 'message', 'start', { x: 0, y: 0 });
  expect(doc.edges).toHaveLength(base.edges.length);
  const block = doc.blocks.find((b) => b.id === id)!;
  expect(block.position).toEqual({ x: 340, y: 120 }); // (300,0) is taken by "welcome"
});

test('a block picked where a connection was dropped sits there and is connected to that output', () => {
  const doc = sampleFlow();
  const { doc: next, id } = addConnectedBlock(doc, 'message', {
    source: 'menu',
    sourceHandle: 'pricing',
    position: { x: 700, y: 400 },
  });
  const block = next.blocks.find((b) => b.id === id)!;
  expect(block.type).toBe('message');
  expect(block.position.x + estimatedGeometry(block).input.x).toBe(700);
  expect(block.position.y + estimatedGeometry(block).input.y).toBe(400);
  // The output led to 'bye' before; one output leads to one block, so it now leads to the new block.
  expect(next.edges.filter((e) => e.source === 'menu' && e.sourceHandle === 'pricing').map((e) => e.target)).toEqual([
    id,
  ]);
});

test('a block picked over another block slides down until it overlaps nothing', () => {
  const doc = sampleFlow();
  const welcome = doc.blocks.find((b) => b.id === 'welcome')!;
  const { doc: next, id } = addConnectedBlock(doc, 'end', {
    source: 'menu',
    sourceHandle: 'pricing',
    position: { x: welcome.position.x + 20, y: welcome.position.y + 20 },
  });
  const block = next.blocks.find((b) => b.id === id)!;
  expect(block.position.x).toBe(welcome.position.x + 20 + 7);
  expect(block.position.y).toBeGreaterThanOrEqual(welcome.position.y + estimatedGeometry(welcome).height);
});
