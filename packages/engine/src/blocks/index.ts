import type { Block, BlockType } from '@flowdesk/flow-schema';
import type { StateConfig } from '../machine/config';
import type { FlowIndex } from '../machine/flow-index';
import { compileAiAnswer } from './ai-answer';
import { compileButtons } from './buttons';
import { compileCapture } from './capture';
import type { BlockCompiler, BlockCompilers } from './compiler';
import { compileCondition } from './condition';
import { compileEnd } from './end';
import { compileHttpRequest } from './http-request';
import { compileHumanHandoff } from './human-handoff';
import { compileIntentTrigger } from './intent-trigger';
import { compileMatchIntent } from './match-intent';
import { compileMessage } from './message';
import { compileSendEmail } from './send-email';
import { compileSetVariable } from './set-variable';
import { compileStart } from './start';

/** The state compiler of every block type (a type added to the schema's registry must get one here). */
export const blockCompilers: BlockCompilers = {
  start: compileStart,
  intent_trigger: compileIntentTrigger,
  message: compileMessage,
  buttons: compileButtons,
  capture: compileCapture,
  condition: compileCondition,
  set_variable: compileSetVariable,
  match_intent: compileMatchIntent,
  ai_answer: compileAiAnswer,
  http_request: compileHttpRequest,
  send_email: compileSendEmail,
  human_handoff: compileHumanHandoff,
  end: compileEnd,
};

/** The XState state of one block, by its type's compiler. */
export function compileBlock(block: Block, index: FlowIndex): StateConfig {
  const compile = blockCompilers[block.type] as BlockCompiler<BlockType>;
  return compile(block as never, index);
}
