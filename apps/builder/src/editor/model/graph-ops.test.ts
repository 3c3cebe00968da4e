import { describe, expect, test } from 'vitest';
import {
  connect,
  connectionProblem,
  createBlock,
  moveBlocks,
  removeElements,
  renameHandle,
  updateBlockData,
} from './graph-ops';
import { outputsOf } from './outputs';
import { sampleFlow } from './test-flow';

describe('createBlock', () => {
  test('fills the type defaults and a fresh id', () => {
    const doc = sampleFlow();
    const block = createBlock(doc, 'human_handoff', { x: 10.4, y: 20.6 });
    expect(block.type).toBe('human_handoff');
    expect(block.position).toEqual({ x: 10, y: 21 });
    expect(block.data).toMatchObject({ priority: { mode: 'auto' }, offlineWhen: 'both' });
    expect(doc.blocks.some((b) => b.id === block.id)).toBe(false);
  });

  test('intent blocks point at the flow first intent', () => {
    const doc = sampleFlow();
    expect(createBlock(doc, 'match_intent', { x: 0, y: 0 }).data).toEqual({ intentIds: ['talk_to_human'] });
    expect(createBlock(doc, 'intent_trigger', { x: 0, y: 0 }).data).toMatchObject({ intentId: 'talk_to_human' });
  });
});

describe('removeElements', () => {
  test('removes blocks with their edges', () => {
    const doc = removeElements(sampleFlow(), { blockIds: ['menu'] });
    expect(doc.blocks.map((b) => b.id)).not.toContain('menu');
    expect(doc.edges.map((e) => e.id)).toEqual(['e1', 'e5']);
  });

  test('keeps the start block', () => {
    const doc = removeElements(sampleFlow(), { blockIds: ['start'], edgeIds: ['e1'] });
    expect(doc.blocks.map((b) => b.id)).toContain('start');
    expect(doc.edges.map((e) => e.id)).not.toContain('e1');
  });

  test('nothing to remove returns the same document', () => {
    const doc = sampleFlow();
    expect(removeElements(doc, { blockIds: ['start'] })).toBe(doc);
  });
});

describe('connect', () => {
  test('replaces the edge already leaving that output', () => {
    const doc = connect(sampleFlow(), { source: 'menu', sourceHandle: 'pricing', target: 'handoff' });
    const fromPricing = doc.edges.filter((e) => e.source === 'menu' && e.sourceHandle === 'pricing');
    expect(fromPricing).toHaveLength(1);
    expect(fromPricing[0]!.target).toBe('handoff');
  });

  test('refuses edges into the start block, from unknown outputs, and non-waiting self loops', () => {
    const doc = sampleFlow();
    expect(connectionProblem(doc, { source: 'welcome', sourceHandle: 'next', target: 'start' })).toMatch(
      /starts a path/,
    );
    expect(connectionProblem(doc, { source: 'menu', sourceHandle: 'nope', target: 'bye' })).toMatch(/does not exist/);
    expect(connectionProblem(doc, { source: 'welcome', sourceHandle: 'next', target: 'welcome' })).toMatch(/loop/);
    expect(connectionProblem(doc, { source: 'menu', sourceHandle: 'pricing', target: 'menu' })).toBeNull();
    // A handoff's offline exit is taken at once: looping it to itself would spin.
    const withHandoff = {
      ...doc,
      blocks: [...doc.blocks, { ...doc.blocks[1]!, id: 'h', type: 'human_handoff', data: {} }],
    };
    expect(connectionProblem(withHandoff as typeof doc, { source: 'h', sourceHandle: 'offline', target: 'h' })).toMatch(
      /loop/,
    );
    expect(connect(doc, { source: 'welcome', sourceHandle: 'next', target: 'start' })).toBe(doc);
  });
});

test('moveBlocks only replaces the moved blocks', () => {
  const doc = sampleFlow();
  const moved = moveBlocks(doc, new Map([['welcome', { x: 5, y: 6 }]]));
  expect(moved.blocks[1]!.position).toEqual({ x: 5, y: 6 });
  expect(moved.blocks[0]).toBe(doc.blocks[0]);
});

describe('updateBlockData', () => {
  test('drops edges of outputs that disappeared', () => {
    const doc = updateBlockData(sampleFlow(), 'menu', {
      text: 'Pick one',
      buttons: [{ id: 'pricing', label: 'Pricing' }],
      allowTyping: false,
    });
    expect(doc.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e4', 'e5']);
    expect(outputsOf(doc.blocks[2]!).map((o) => o.id)).toEqual(['pricing', 'no_match']);
  });

  test('half-edited data never throws when reading outputs', () => {
    const doc = updateBlockData(sampleFlow(), 'menu', { text: '' });
    expect(outputsOf(doc.blocks[2]!)).toEqual([]);
  });
});

test('renameHandle keeps the connection of a renamed button', () => {
  const doc = renameHandle(sampleFlow(), 'menu', 'human', 'agent');
  expect(doc.edges.find((e) => e.id === 'e3')!.sourceHandle).toBe('agent');
});
