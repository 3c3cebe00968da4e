import type { Block, BlockType } from '@flowdesk/flow-schema';
import type { StateConfig } from '../machine/config';
import type { FlowIndex } from '../machine/flow-index';
import { aiAgentImplementations, compileAiAgent } from './ai-agent';
import { aiAnswerImplementations, compileAiAnswer } from './ai-answer';
import { buttonsImplementations, compileButtons } from './buttons';
import { captureImplementations, compileCapture } from './capture';
import type { BlockCompiler, BlockCompilers } from './compiler';
import { compileCondition, conditionImplementations } from './condition';
import { compileEnd, endImplementations } from './end';
import { compileHttpRequest, httpRequestImplementations } from './http-request';
import { compileHumanHandoff, humanHandoffImplementations } from './human-handoff';
import { compileIntentTrigger } from './intent-trigger';
import { compileMatchIntent, matchIntentImplementations } from './match-intent';
import { compileMessage, messageImplementations } from './message';
import { compileSendEmail } from './send-email';
import { compileSetVariable, setVariableImplementations } from './set-variable';
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
  ai_agent: compileAiAgent,
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

/** The actions and guards the block compilers name, gathered for `createFlowSetup`. */
export function blockImplementations(index: FlowIndex) {
  const buttons = buttonsImplementations(index);
  const capture = captureImplementations(index);
  const http = httpRequestImplementations(index);
  const answer = aiAnswerImplementations(index);
  const agent = aiAgentImplementations(index);
  const handoff = humanHandoffImplementations(index);
  return {
    actions: {
      ...messageImplementations(index).actions,
      ...endImplementations(index).actions,
      ...setVariableImplementations(index).actions,
      ...buttons.actions,
      ...capture.actions,
      ...http.actions,
      ...answer.actions,
      ...agent.actions,
      ...handoff.actions,
    },
    guards: {
      ...conditionImplementations(index).guards,
      ...matchIntentImplementations(index).guards,
      ...buttons.guards,
      ...capture.guards,
      ...http.guards,
      ...answer.guards,
      ...agent.guards,
      ...handoff.guards,
    },
  };
}
