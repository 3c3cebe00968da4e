import { z } from 'zod';
import { Identifier, Position } from '../common';

export const BLOCK_GROUPS = ['Triggers', 'Messages', 'Questions', 'Logic', 'AI', 'Actions'] as const;
export type BlockGroup = (typeof BLOCK_GROUPS)[number];

/** A named output of a block; edges leave from it (`edge.sourceHandle === handle.id`). */
export interface OutputHandle {
  id: string;
  label: string;
  /** Left unconnected, the conversation silently ends there: validateFlow warns about it. */
  required: boolean;
}

export interface BlockDefinitionInput<T extends string, D extends z.ZodType> {
  type: T;
  label: string;
  group: BlockGroup;
  description: string;
  data: D;
  /** Data of a freshly dropped block (must parse with `data`). */
  defaults: () => z.input<D>;
  outputs: (data: z.output<D>) => OutputHandle[];
  /** The block stops and waits for the visitor (used for loop detection and by the engine). */
  waitsForInput: boolean;
  /**
   * Outputs a waiting block can take at once, before anything waits (a handoff nobody can take goes
   * `offline` right away): loops through them never wait, so the publish check follows them.
   */
  immediateOutputs?: readonly string[];
}

export function defineBlock<T extends string, D extends z.ZodType>(input: BlockDefinitionInput<T, D>) {
  const schema = z.object({
    id: Identifier,
    type: z.literal(input.type),
    /** What the admin calls this block; shown instead of the type label when set. */
    name: z.string().max(100).optional(),
    position: Position,
    data: input.data,
  });
  return { ...input, schema };
}

export const output = (id: string, label: string, required = false): OutputHandle => ({ id, label, required });
export const NEXT_OUTPUT = 'next';
/** The exit taken when the visitor's words match none of a block's choices (buttons, intents). */
export const NO_MATCH_OUTPUT = 'no_match';
export const nextOnly = (): OutputHandle[] => [output(NEXT_OUTPUT, 'Next', true)];
