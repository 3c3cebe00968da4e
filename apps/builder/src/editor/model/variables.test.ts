import { expect, test } from 'vitest';
import { addBlocks, createBlock, updateBlockData } from './graph-ops';
import { sampleFlow } from './test-flow';
import { insertPlaceholder, variableIndex, variableNames } from './variables';

test('the index says where each variable is set and used', () => {
  let doc = sampleFlow();
  const capture = createBlock(doc, 'capture', { x: 0, y: 0 });
  doc = addBlocks(doc, [capture]);
  doc = updateBlockData(doc, capture.id, { ...capture.data, saveAs: 'name' });
  doc = { ...doc, variables: [{ name: 'plan', description: 'Customer plan' }] };
  const index = variableIndex(doc);
  const name = index.find((v) => v.name === 'name')!;
  expect(name.setBy).toEqual([capture.id]);
  expect(name.usedBy).toEqual(['welcome']);
  expect(index.find((v) => v.name === 'plan')!.declared?.description).toBe('Customer plan');
  expect(index[0]!.builtin).toBe(true);
});

test('variableNames offers only variables that have a value source', () => {
  const names = variableNames(sampleFlow());
  expect(names).toContain('last_message');
  expect(names).not.toContain('name'); // used by the welcome text but never set
});

test('half-edited blocks do not break the index', () => {
  const doc = updateBlockData(sampleFlow(), 'menu', {});
  expect(() =>
    variableIndex({
      ...doc,
      blocks: [...doc.blocks, { ...doc.blocks[0]!, id: 'h', type: 'http_request', data: {} } as never],
    }),
  ).not.toThrow();
});

test('insertPlaceholder replaces the selected range', () => {
  expect(insertPlaceholder('Hi !', 'name', 3)).toEqual({ text: 'Hi {{name}}!', cursor: 11 });
  expect(insertPlaceholder('Hi XX', 'name', 3, 5)).toEqual({ text: 'Hi {{name}}', cursor: 11 });
});
