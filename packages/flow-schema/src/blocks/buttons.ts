import { z } from 'zod';
import { Identifier, Template, VariableName } from '../common';
import { defineBlock, NO_MATCH_OUTPUT, output } from './define';

/** Output followed when the visitor types instead of clicking (only with `allowTyping`). */
export const TYPED_OUTPUT = 'typed';
// `NO_MATCH_OUTPUT` (define.ts): typed text that matches no button nor a global intent, without
// `allowTyping` (where typed text is not an answer). Left unconnected, the question is asked again.

export const ButtonsData = z.object({
  text: Template,
  buttons: z
    .array(z.object({ id: Identifier, label: z.string().min(1).max(100) }))
    .min(1)
    .max(20),
  allowTyping: z.boolean().default(false),
  saveAs: VariableName.optional(),
});
export type ButtonsData = z.infer<typeof ButtonsData>;

export const buttonsBlock = defineBlock({
  type: 'buttons',
  label: 'Ask with buttons',
  group: 'Questions',
  description: 'Asks a question with buttons; each button leads somewhere else.',
  data: ButtonsData,
  defaults: () => ({
    text: 'How can I help?',
    buttons: [
      { id: 'option_1', label: 'Option 1' },
      { id: 'option_2', label: 'Option 2' },
    ],
  }),
  outputs: (data) => [
    ...data.buttons.map((b) => output(b.id, b.label, true)),
    data.allowTyping ? output(TYPED_OUTPUT, 'Typed something else', true) : output(NO_MATCH_OUTPUT, 'No match'),
  ],
  waitsForInput: true,
});
