import { expect, test } from 'vitest';
import { exportFileName, exportFlowJson, importFlowJson } from './import-export';
import { newFlowDocument } from './new-flow';
import { sampleFlow } from './test-flow';

test('export then import round-trips into the current flow', () => {
  const target = newFlowDocument('Target');
  const result = importFlowJson(exportFlowJson(sampleFlow()), target);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.doc.blocks).toEqual(sampleFlow().blocks);
  expect(result.doc.edges).toEqual(sampleFlow().edges);
  expect(result.doc.id).toBe(target.id);
  expect(result.doc.name).toBe('Target');
});

test('non-JSON and invalid flows are refused with a reason', () => {
  const target = newFlowDocument('Target');
  expect(importFlowJson('{oops', target)).toEqual({ ok: false, message: expect.stringContaining('not JSON') });
  const bad = importFlowJson(
    JSON.stringify({ schemaVersion: 1, id: 'x', name: 'x', blocks: [{ id: 'a', type: 'nope' }] }),
    target,
  );
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.message).toContain('blocks.0');
});

test('file name comes from the flow id', () => {
  expect(exportFileName(sampleFlow())).toBe('sample.flow.json');
});
