import { FlowDocument } from '@flowdesk/flow-schema';
import { expect, test } from 'vitest';
import { addNote, editNote, moveBlocks, removeElements } from './graph-ops';
import { loadDocument } from './load-document';
import { sampleFlow } from './test-flow';

test('sticky notes are added, edited, moved and deleted with the flow, and saved in the document', () => {
  const { doc, id } = addNote(sampleFlow(), { x: 10.4, y: 20.6 });
  expect(doc.notes).toEqual([{ id, text: '', position: { x: 10, y: 21 } }]);
  const edited = editNote(doc, id, 'Ask legal about this wording');
  const moved = moveBlocks(edited, new Map([[id, { x: 300, y: 400 }]]));
  expect(moved.notes![0]).toEqual({ id, text: 'Ask legal about this wording', position: { x: 300, y: 400 } });
  // The document keeps them through a save and a reload; the blocks and edges are untouched.
  const reloaded = loadDocument(JSON.parse(JSON.stringify(moved)), { id: 'x', name: 'x' });
  expect(reloaded.notes).toEqual(moved.notes);
  expect(FlowDocument.parse(moved).notes).toEqual(moved.notes);
  expect(reloaded.blocks).toEqual(sampleFlow().blocks);
  const removed = removeElements(moved, { blockIds: [id] });
  expect(removed.notes).toEqual([]);
  expect(removed.blocks).toHaveLength(sampleFlow().blocks.length);
});
