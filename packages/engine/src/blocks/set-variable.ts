import { type BlockOf, interpolate, setPath, type Variables } from '@flowdesk/flow-schema';
import { nextState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Sets its variable (action `setVariable`) and moves on. */
export const compileSetVariable: BlockCompiler<'set_variable'> = (block, index) =>
  nextState(index, block.id, [{ type: 'setVariable', params: { blockId: block.id } }]);

/** The variables after the block ran: its value, interpolated, stored at its variable's path. */
export function applySetVariable(block: BlockOf<'set_variable'>, vars: Variables): Variables {
  return setPath(vars, block.data.variable, interpolate(block.data.value, vars));
}
