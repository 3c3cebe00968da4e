import { z } from 'zod';
import { Identifier } from '../common';
import { defineBlock, nextOnly } from './define';

/**
 * Jumps here when the visitor's message matches the intent. `global`: checked on every typed message;
 * `local`: only where the flow cannot use the typed text itself (typing at buttons that do not allow it).
 */
export const IntentTriggerData = z.object({
  intentId: Identifier,
  scope: z.enum(['global', 'local']).default('global'),
});
export type IntentTriggerData = z.infer<typeof IntentTriggerData>;

export const intentTriggerBlock = defineBlock({
  type: 'intent_trigger',
  label: 'Intent trigger',
  group: 'Triggers',
  description: 'Starts a path whenever the visitor says something that matches an intent.',
  data: IntentTriggerData,
  defaults: () => ({ intentId: 'intent', scope: 'global' as const }),
  outputs: nextOnly,
  waitsForInput: false,
});
