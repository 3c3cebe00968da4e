import type { MessageContent } from '@flowdesk/contract';
import type { BlockOf, Variables } from '@flowdesk/flow-schema';
import { renderMessage } from '../machine/render';
import { nextState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Says its message (action `say`) and moves on. */
export const compileMessage: BlockCompiler<'message'> = (block, index) =>
  nextState(index, block.id, [{ type: 'say', params: { blockId: block.id } }]);

export const messageOutput = (block: BlockOf<'message'>, vars: Variables): MessageContent =>
  renderMessage(block.data.content, vars);
