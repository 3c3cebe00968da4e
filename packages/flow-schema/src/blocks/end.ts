import { z } from 'zod';
import { Template } from '../common';
import { defineBlock } from './define';

export const EndData = z.object({ message: Template.optional() });
export type EndData = z.infer<typeof EndData>;

export const endBlock = defineBlock({
  type: 'end',
  label: 'End conversation',
  group: 'Actions',
  description: 'Ends the conversation, optionally with a last message.',
  data: EndData,
  defaults: () => ({}),
  outputs: () => [],
  waitsForInput: false,
});
