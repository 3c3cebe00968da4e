import { type Block, blockDefinitions, type OutputHandle } from '@flowdesk/flow-schema';

/** Output handles of a block, even while its settings are half-edited (never throws). */
export function outputsOf(block: Block): OutputHandle[] {
  try {
    const definition = blockDefinitions[block.type] as { outputs: (data: unknown) => OutputHandle[] };
    return definition.outputs(block.data);
  } catch {
    return [];
  }
}
