import type { FlowDocument, Intent } from '@flowdesk/flow-schema';
import { updateBlockData } from './graph-ops';
import { slugify, uniqueId } from './ids';

/** The intent almost every support bot needs, offered as a one-click template. */
export const TALK_TO_HUMAN_TEMPLATE: Omit<Intent, 'id'> = {
  name: 'Talk to a human',
  description: 'The visitor wants a person instead of the bot.',
  phrases: [
    'talk to a human',
    'talk to a person',
    'human please',
    'real agent',
    'can I speak to someone',
    'connect me with support',
    'I want a real person',
    'agent',
  ],
};

/** A name for a new intent that no intent of the flow has yet (names must differ, whatever their case). */
export function newIntentName(doc: FlowDocument): string {
  const taken = new Set(doc.intents.map((i) => i.name.trim().toLowerCase()));
  let n = doc.intents.length + 1;
  while (taken.has(`new intent ${n}`)) n += 1;
  return `New intent ${n}`;
}

export function addIntent(doc: FlowDocument, intent: Omit<Intent, 'id'>): { doc: FlowDocument; id: string } {
  const id = uniqueId(slugify(intent.name, 'intent'), new Set(doc.intents.map((i) => i.id)));
  return { doc: { ...doc, intents: [...doc.intents, { ...intent, id }] }, id };
}

export function updateIntent(doc: FlowDocument, id: string, patch: Partial<Omit<Intent, 'id'>>): FlowDocument {
  return { ...doc, intents: doc.intents.map((i) => (i.id === id ? { ...i, ...patch } : i)) };
}

/** Blocks that refer to the intent (triggers and match blocks). */
export function intentUsage(doc: FlowDocument, id: string): string[] {
  return doc.blocks
    .filter(
      (b) =>
        (b.type === 'intent_trigger' && b.data.intentId === id) ||
        (b.type === 'match_intent' && (b.data.intentIds ?? []).includes(id)),
    )
    .map((b) => b.id);
}

/**
 * Deletes the intent. Match blocks lose that output (and its connection); intent triggers that
 * listened for it stay and are flagged by validation so the admin picks another intent.
 */
export function removeIntent(doc: FlowDocument, id: string): FlowDocument {
  let next: FlowDocument = { ...doc, intents: doc.intents.filter((i) => i.id !== id) };
  for (const block of doc.blocks) {
    if (block.type === 'match_intent' && (block.data.intentIds ?? []).includes(id)) {
      next = updateBlockData(next, block.id, {
        ...block.data,
        intentIds: block.data.intentIds.filter((i) => i !== id),
      });
    }
  }
  return next;
}

/** Phrases typed one per line into a textarea. */
export function parsePhrases(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
}
