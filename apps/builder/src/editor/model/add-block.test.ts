import { expect, test } from 'vitest';
import { addBlockNear } from './add-block';
import { removeElements } from './graph-ops';
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
