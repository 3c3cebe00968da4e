import { aiAgentBlock } from './ai-agent';
import { aiAnswerBlock } from './ai-answer';
import { buttonsBlock } from './buttons';
import { captureBlock } from './capture';
import { conditionBlock } from './condition';
import type { OutputHandle } from './define';
import { endBlock } from './end';
import { httpRequestBlock } from './http-request';
import { humanHandoffBlock } from './human-handoff';
import { intentTriggerBlock } from './intent-trigger';
import { matchIntentBlock } from './match-intent';
import { messageBlock } from './message';
import { sendEmailBlock } from './send-email';
import { setVariableBlock } from './set-variable';
import { startBlock } from './start';

/** Every block type, in palette order. The builder's palette and forms and the engine key off this. */
export const blockDefinitions = {
  start: startBlock,
  intent_trigger: intentTriggerBlock,
  message: messageBlock,
  buttons: buttonsBlock,
  capture: captureBlock,
  condition: conditionBlock,
  set_variable: setVariableBlock,
  match_intent: matchIntentBlock,
  ai_answer: aiAnswerBlock,
  ai_agent: aiAgentBlock,
  http_request: httpRequestBlock,
  send_email: sendEmailBlock,
  human_handoff: humanHandoffBlock,
  end: endBlock,
} as const;

export type BlockDefinitions = typeof blockDefinitions;
export type BlockType = keyof BlockDefinitions;
export const BLOCK_TYPES = Object.keys(blockDefinitions) as BlockType[];

export function isBlockType(type: unknown): type is BlockType {
  return typeof type === 'string' && Object.hasOwn(blockDefinitions, type);
}

/** What a block is called wherever it is listed: the name the admin gave it, else its type's label. */
export function blockTitle(block: { type: string; name?: string | undefined }): string {
  const name = block.name?.trim();
  if (name) return name;
  return isBlockType(block.type) ? blockDefinitions[block.type].label : block.type;
}

/** Output handles of a block whose data already parsed with its type's schema. */
export function blockOutputs(block: { type: BlockType; data: unknown }): OutputHandle[] {
  const definition = blockDefinitions[block.type] as { outputs: (data: unknown) => OutputHandle[] };
  return definition.outputs(block.data);
}

export * from './ai-agent';
export * from './ai-answer';
export * from './buttons';
export * from './capture';
export * from './condition';
export * from './define';
export * from './end';
export * from './http-request';
export * from './human-handoff';
export * from './intent-trigger';
export * from './match-intent';
export * from './message';
export * from './send-email';
export * from './set-variable';
export * from './start';
