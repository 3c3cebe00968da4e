import { z } from 'zod';
import { Template, VariableName } from '../common';
import { defineBlock, nextOnly } from './define';

export const SetVariableData = z.object({ variable: VariableName, value: Template });
export type SetVariableData = z.infer<typeof SetVariableData>;

export const setVariableBlock = defineBlock({
  type: 'set_variable',
  label: 'Set variable',
  group: 'Logic',
  description: 'Stores a value (text with {{variables}}) in a variable.',
  data: SetVariableData,
  defaults: () => ({ variable: 'topic', value: '' }),
  outputs: nextOnly,
  waitsForInput: false,
});
