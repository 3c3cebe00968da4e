import { describe, expect, test } from 'vitest';
import { FlowDocument } from '../document';
import { checkKnowledgeSources, type KnownKnowledgeSource } from './checks-knowledge';

const flow = FlowDocument.parse({
  schemaVersion: 1,
  id: 'kb',
  name: 'Knowledge flow',
  blocks: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'answer',
      type: 'ai_answer',
      name: 'Refund answers',
      position: { x: 0, y: 100 },
      data: { knowledgeSourceIds: ['faq', 'gone', 'broken'] },
    },
    { id: 'plain', type: 'ai_answer', position: { x: 0, y: 200 }, data: {} },
  ],
  edges: [],
});
const known = new Map<string, KnownKnowledgeSource>([
  ['faq', { title: 'FAQ', status: 'ready', chunkCount: 4 }],
  ['broken', { title: 'Old site', status: 'failed', chunkCount: 0 }],
]);

describe('checkKnowledgeSources', () => {
  test('a deleted source is an error on its block; a failed source with nothing indexed a warning', () => {
    expect(checkKnowledgeSources(flow, known)).toEqual([
      expect.objectContaining({
        code: 'unknown_knowledge_source',
        severity: 'error',
        blockId: 'answer',
        details: { sourceId: 'gone' },
        message: expect.stringContaining('"Refund answers" reads a knowledge source that no longer exists'),
      }),
      expect.objectContaining({
        code: 'empty_knowledge_source',
        severity: 'warning',
        blockId: 'answer',
        message: expect.stringContaining('"Old site"'),
      }),
    ]);
  });

  test('sources that exist (a failed re-index that kept its chunks included) raise nothing', () => {
    const kept = new Map(known).set('gone', { title: 'Back', status: 'indexing', chunkCount: 0 });
    kept.set('broken', { title: 'Old site', status: 'failed', chunkCount: 3 });
    expect(checkKnowledgeSources(flow, kept)).toEqual([]);
  });
});
