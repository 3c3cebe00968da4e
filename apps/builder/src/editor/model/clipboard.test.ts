import { expect, test } from 'vitest';
import { copyBlocks, isClipboardPayload, pasteBlocks } from './clipboard';
import { sampleFlow } from './test-flow';

test('copies selected blocks with only the edges between them, never the start', () => {
  const payload = copyBlocks(sampleFlow(), new Set(['start', 'menu', 'handoff']))!;
  expect(payload.blocks.map((b) => b.id)).toEqual(['menu', 'handoff']);
  expect(payload.edges.map((e) => e.id)).toEqual(['e3']);
  expect(isClipboardPayload(JSON.parse(JSON.stringify(payload)))).toBe(true);
});

test('nothing copyable gives null', () => {
  expect(copyBlocks(sampleFlow(), new Set(['start']))).toBeNull();
});

test('paste gives fresh ids, remaps internal edges and offsets positions', () => {
  const doc = sampleFlow();
  const payload = copyBlocks(doc, new Set(['menu', 'handoff']))!;
  const { doc: next, pastedIds } = pasteBlocks(doc, payload);
  expect(next.blocks).toHaveLength(doc.blocks.length + 2);
  expect(pastedIds.every((id) => !doc.blocks.some((b) => b.id === id))).toBe(true);
  const pastedMenu = next.blocks.find((b) => b.id === pastedIds[0])!;
  expect(pastedMenu.position).toEqual({ x: 640, y: 40 });
  const newEdge = next.edges.at(-1)!;
  expect(newEdge).toMatchObject({ source: pastedIds[0], target: pastedIds[1], sourceHandle: 'human' });
  expect(new Set(next.edges.map((e) => e.id)).size).toBe(next.edges.length);
});

test('pasting twice does not collide', () => {
  const doc = sampleFlow();
  const payload = copyBlocks(doc, new Set(['welcome']))!;
  const once = pasteBlocks(doc, payload).doc;
  const twice = pasteBlocks(once, payload).doc;
  expect(new Set(twice.blocks.map((b) => b.id)).size).toBe(twice.blocks.length);
});

test('pasting again steps each copy further down and right, instead of stacking it on the last one', () => {
  const doc = sampleFlow();
  const payload = copyBlocks(doc, new Set(['menu', 'handoff']))!;
  let next = doc;
  const menuCopies: unknown[] = [];
  for (let i = 0; i < 3; i++) {
    const pasted = pasteBlocks(next, payload);
    next = pasted.doc;
    menuCopies.push(next.blocks.find((b) => b.id === pasted.pastedIds[0])!.position);
  }
  expect(menuCopies).toEqual([
    { x: 640, y: 40 },
    { x: 680, y: 80 },
    { x: 720, y: 120 },
  ]);
});

test('a paste whose spot is out of view (copied elsewhere) lands in the middle of the view, and steps on from there', () => {
  const doc = sampleFlow();
  const payload = copyBlocks(doc, new Set(['bye']))!; // at x 1200
  const view = { x: -500, y: 1000, width: 1000, height: 600 };
  const first = pasteBlocks(doc, payload, view);
  const at = (pasted: typeof first) => pasted.doc.blocks.find((b) => b.id === pasted.pastedIds[0])!.position;
  expect(at(first)).toEqual({ x: -130, y: 1234 }); // the end block (260 × 132 px) centred in the view
  const again = pasteBlocks(first.doc, payload, view);
  expect(at(again)).toEqual({ x: at(first).x + 40, y: at(first).y + 40 });
  // Still in sight at its usual spot: one step down and right, as before.
  const near = pasteBlocks(doc, payload, { x: 1000, y: -200, width: 800, height: 600 });
  expect(at(near)).toEqual({ x: 1240, y: 40 });
});
