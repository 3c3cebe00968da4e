import type { Block } from '@flowdesk/flow-schema';
import type { StateConfig } from './config';
import type { FlowIndex } from './flow-index';
import { instantState } from './transitions';
import { STATES } from './types';

type InstantBlock = Extract<
  Block,
  { type: 'start' | 'intent_trigger' | 'message' | 'set_variable' | 'condition' | 'end' }
>;

export function instantBlockState(block: InstantBlock, index: FlowIndex): StateConfig {
  const params = { blockId: block.id };
  const next = [{ target: index.target(block.id, 'next') }];
  switch (block.type) {
    case 'start':
    case 'intent_trigger':
      return instantState(index, block.id, [], next);
    case 'message':
      return instantState(index, block.id, [{ type: 'say', params }], next);
    case 'set_variable':
      return instantState(index, block.id, [{ type: 'setVariable', params }], next);
    case 'condition':
      return instantState(
        index,
        block.id,
        [],
        [
          { guard: { type: 'conditionHolds', params }, target: index.target(block.id, 'true') },
          { target: index.target(block.id, 'false') },
        ],
      );
    case 'end':
      return instantState(index, block.id, block.data.message ? [{ type: 'sayEnd', params }] : [], [
        { target: `#${STATES.end}` },
      ]);
  }
}
