import { nextState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Where a new conversation begins: moves straight on. */
export const compileStart: BlockCompiler<'start'> = (block, index) => nextState(index, block.id);
