import type { FlowIndex } from '../machine/flow-index';
import { type BlockParams, emitWith } from '../machine/implement';
import { renderMessage } from '../machine/render';
import { nextState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Says its message (action `say`) and moves on. */
export const compileMessage: BlockCompiler<'message'> = (block, index) =>
  nextState(index, block.id, [{ type: 'say', params: { blockId: block.id } }]);

export const messageImplementations = (index: FlowIndex) => ({
  actions: {
    say: emitWith<BlockParams>(({ context }, params) => ({
      type: 'output',
      content: renderMessage(index.block(params.blockId, 'message').data.content, context.variables),
    })),
  },
});
