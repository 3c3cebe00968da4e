import { nextState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Entered by a jump once `step()` matched its intent (see intent-routing.ts); moves straight on. */
export const compileIntentTrigger: BlockCompiler<'intent_trigger'> = (block, index) => nextState(index, block.id);
