import { interpolate, setPath } from '@flowdesk/flow-schema';
import type { FlowIndex } from '../machine/flow-index';
import { assignWith, type BlockParams } from '../machine/implement';
import { nextState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Sets its variable (action `setVariable`) and moves on. */
export const compileSetVariable: BlockCompiler<'set_variable'> = (block, index) =>
  nextState(index, block.id, [{ type: 'setVariable', params: { blockId: block.id } }]);

export const setVariableImplementations = (index: FlowIndex) => ({
  actions: {
    /** The block's value, interpolated, stored at its variable's path. */
    setVariable: assignWith<BlockParams>(({ context }, params) => {
      const { data } = index.block(params.blockId, 'set_variable');
      return { variables: setPath(context.variables, data.variable, interpolate(data.value, context.variables)) };
    }),
  },
});
