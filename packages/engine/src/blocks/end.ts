import type { MessageContent } from '@flowdesk/contract';
import { type BlockOf, interpolate, type Variables } from '@flowdesk/flow-schema';
import { text } from '../machine/render';
import { instantState } from '../machine/transitions';
import { STATES } from '../machine/types';
import type { BlockCompiler } from './compiler';

/** Says its closing message, if any (action `sayEnd`), and ends the conversation. */
export const compileEnd: BlockCompiler<'end'> = (block, index) =>
  instantState(index, block.id, block.data.message ? [{ type: 'sayEnd', params: { blockId: block.id } }] : [], [
    { target: `#${STATES.end}` },
  ]);

export const endOutput = (block: BlockOf<'end'>, vars: Variables): MessageContent =>
  text(interpolate(block.data.message ?? '', vars));
