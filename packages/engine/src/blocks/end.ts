import { interpolate } from '@flowdesk/flow-schema';
import type { FlowIndex } from '../machine/flow-index';
import { type BlockParams, emitWith } from '../machine/implement';
import { text } from '../machine/render';
import { instantState } from '../machine/transitions';
import { STATES } from '../machine/types';
import type { BlockCompiler } from './compiler';

/** Says its closing message, if any (action `sayEnd`), and ends the conversation. */
export const compileEnd: BlockCompiler<'end'> = (block, index) =>
  instantState(index, block.id, block.data.message ? [{ type: 'sayEnd', params: { blockId: block.id } }] : [], [
    { target: `#${STATES.end}` },
  ]);

export const endImplementations = (index: FlowIndex) => ({
  actions: {
    sayEnd: emitWith<BlockParams>(({ context }, params) => ({
      type: 'output',
      content: text(interpolate(index.block(params.blockId, 'end').data.message ?? '', context.variables)),
    })),
  },
});
