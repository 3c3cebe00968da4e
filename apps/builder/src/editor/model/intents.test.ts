import { expect, test } from 'vitest';
import { addBlocks, createBlock } from './graph-ops';
import {
  addIntent,
  intentUsage,
  newIntentName,
  parsePhrases,
  removeIntent,
  TALK_TO_HUMAN_TEMPLATE,
  updateIntent,
} from './intents';
import { sampleFlow } from './test-flow';

test('addIntent derives a unique id from the name', () => {
  const { doc, id } = addIntent(sampleFlow(), TALK_TO_HUMAN_TEMPLATE);
  expect(id).toBe('talk_to_a_human');
  const again = addIntent(doc, TALK_TO_HUMAN_TEMPLATE);
  expect(again.id).toBe('talk_to_a_human_2');
  expect(again.doc.intents).toHaveLength(3);
});

test('updateIntent changes name and phrases, keeping the id', () => {
  const doc = updateIntent(sampleFlow(), 'talk_to_human', { name: 'Human', phrases: ['agent'] });
  expect(doc.intents[0]).toMatchObject({ id: 'talk_to_human', name: 'Human', phrases: ['agent'] });
});

test('usage and removal: match blocks lose the output and its edge, triggers stay', () => {
  let doc = sampleFlow();
  const match = createBlock(doc, 'match_intent', { x: 0, y: 0 });
  const trigger = createBlock(doc, 'intent_trigger', { x: 0, y: 0 });
  doc = addBlocks(
    doc,
    [match, trigger],
    [{ id: 'em', source: match.id, sourceHandle: 'talk_to_human', target: 'handoff' }],
  );
  expect(intentUsage(doc, 'talk_to_human').sort()).toEqual([match.id, trigger.id].sort());
  const removed = removeIntent(doc, 'talk_to_human');
  expect(removed.intents).toHaveLength(0);
  expect(removed.blocks.find((b) => b.id === match.id)!.data).toEqual({ intentIds: [] });
  expect(removed.edges.some((e) => e.id === 'em')).toBe(false);
  expect(removed.blocks.some((b) => b.id === trigger.id)).toBe(true);
});

test('parsePhrases trims, drops empties and duplicates', () => {
  expect(parsePhrases(' hi \n\nhello\nhi')).toEqual(['hi', 'hello']);
});

test('a new intent is named after the intents the flow has, never as one still there', () => {
  let doc = sampleFlow(); // one intent
  for (let i = 0; i < 2; i++) doc = addIntent(doc, { name: newIntentName(doc), description: '', phrases: [] }).doc;
  expect(doc.intents.map((i) => i.name)).toEqual(['Talk to a human', 'New intent 2', 'New intent 3']);
  // The first new one deleted: three intents again would repeat "New intent 3".
  doc = removeIntent(doc, doc.intents[1]!.id);
  expect(newIntentName(doc)).toBe('New intent 4');
  doc = updateIntent(doc, doc.intents[1]!.id, { name: ' new INTENT 4 ' });
  expect(newIntentName(doc)).toBe('New intent 3');
});
