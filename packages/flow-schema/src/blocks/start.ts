import { z } from 'zod';
import { defineBlock, nextOnly } from './define';

/** Where every conversation begins. Exactly one per flow. */
export const StartData = z.object({});
export type StartData = z.infer<typeof StartData>;

export const startBlock = defineBlock({
  type: 'start',
  label: 'Conversation start',
  group: 'Triggers',
  description: 'Where every conversation begins.',
  data: StartData,
  defaults: () => ({}),
  outputs: nextOnly,
  waitsForInput: false,
});
