import { evaluateCondition } from '@flowdesk/flow-schema';
import type { FlowIndex } from '../machine/flow-index';
import type { Guard } from '../machine/implement';
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

export function conditionImplementations(index: FlowIndex) {
  const conditionHolds: Guard = ({ context }, params) =>
    evaluateCondition(index.block(params.blockId, 'condition').data, context.variables);
  return { guards: { conditionHolds } };
}
