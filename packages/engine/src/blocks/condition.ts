import { instantState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Follows `true` when its condition holds (guard `conditionHolds`), `false` otherwise. */
export const compileCondition: BlockCompiler<'condition'> = (block, index) =>
  instantState(
    index,
    block.id,
    [],
    [
      { guard: { type: 'conditionHolds', params: { blockId: block.id } }, target: index.target(block.id, 'true') },
      { target: index.target(block.id, 'false') },
    ],
  );
