import { expect, test } from 'vitest';
import { loadDocument } from './load-document';
import { sampleFlow } from './test-flow';

const fallback = { id: 'flow_1', name: 'Fallback' };

test('a valid document loads with defaults applied', () => {
  const doc = loadDocument(JSON.parse(JSON.stringify(sampleFlow())), fallback);
  expect(doc).toEqual(sampleFlow());
});

test('a half-edited block is kept as it was', () => {
  const raw = JSON.parse(JSON.stringify(sampleFlow()));
  raw.blocks[1].data.content.text = '';
  const doc = loadDocument(raw, fallback);
  expect(doc.blocks).toHaveLength(5);
  expect(doc.blocks[1]!.data).toEqual({ content: { type: 'text', text: '' } });
  expect(doc.edges).toHaveLength(5);
});

test('garbage becomes an empty flow with the fallback id and name', () => {
  const doc = loadDocument('nonsense', fallback);
  expect(doc).toMatchObject({ id: 'flow_1', name: 'Fallback', blocks: [], edges: [] });
  expect(doc.settings.intentThreshold).toBe(0.6);
});

test('broken entries are left out, not crashed on', () => {
  const doc = loadDocument({ blocks: [null, { id: 'x' }], edges: [{ id: 'e' }], intents: [1] }, fallback);
  expect(doc.blocks).toEqual([]);
  expect(doc.edges).toEqual([]);
  expect(doc.intents).toEqual([]);
});
