import { expect, test } from 'vitest';
import { moveBlocks } from './graph-ops';
import { sampleFlow } from './test-flow';
import { EdgeCache, NodeCache } from './to-react-flow';

test('blocks become block nodes with selection, size and the start not deletable', () => {
  const doc = sampleFlow();
  const nodes = new NodeCache().nodes(
    doc,
    new Set(['menu']),
    new Map([['menu', { width: 260, height: 120 }]]),
    new Map(),
  );
  expect(nodes).toHaveLength(5);
  expect(nodes[0]).toMatchObject({ id: 'start', type: 'block', deletable: false });
  expect(nodes[2]).toMatchObject({
    id: 'menu',
    selected: true,
    measured: { width: 260, height: 120 },
    deletable: true,
  });
  expect(nodes[2]!.data.block).toBe(doc.blocks[2]);
});

test('unchanged blocks keep their node object; moved ones get a new one', () => {
  const cache = new NodeCache();
  const doc = sampleFlow();
  const first = cache.nodes(doc, new Set(), new Map(), new Map());
  const moved = moveBlocks(doc, new Map([['welcome', { x: 1, y: 2 }]]));
  const second = cache.nodes(moved, new Set(), new Map(), new Map());
  expect(second[0]).toBe(first[0]);
  expect(second[1]).not.toBe(first[1]);
  expect(second[1]!.position).toEqual({ x: 1, y: 2 });
});

test('a new problem or the preview cursor re-renders only that block', () => {
  const cache = new NodeCache();
  const doc = sampleFlow();
  const first = cache.nodes(doc, new Set(), new Map(), new Map());
  const decorations = new Map([['handoff', { errors: 1, warnings: 0, active: true, firstProblem: 'x' }]]);
  const second = cache.nodes(doc, new Set(), new Map(), decorations);
  expect(second[3]).not.toBe(first[3]);
  expect(second[3]!.data.decoration.active).toBe(true);
  expect(second[2]).toBe(first[2]);
});

test('read-only nodes cannot be dragged, connected or deleted', () => {
  const nodes = new NodeCache().nodes(sampleFlow(), new Set(), new Map(), new Map(), true);
  expect(nodes.every((n) => n.draggable === false && n.connectable === false && n.deletable === false)).toBe(true);
});

test('edges keep their named output handle and are reused when unchanged', () => {
  const cache = new EdgeCache();
  const doc = sampleFlow();
  const first = cache.edges(doc, new Set());
  expect(first[2]).toMatchObject({ source: 'menu', sourceHandle: 'human', target: 'handoff', targetHandle: 'in' });
  const second = cache.edges(doc, new Set(['e1']));
  expect(second[0]).not.toBe(first[0]);
  expect(second[0]!.selected).toBe(true);
  expect(second[1]).toBe(first[1]);
});
