import type { MessageContent } from '@flowdesk/contract';
import type { HumanHandoffData, Variables } from '@flowdesk/flow-schema';

/** What a visitor sends. */
export type VisitorContent = Extract<MessageContent, { type: 'text' | 'choice_reply' | 'form_reply' }>;

export interface EngineError {
  code: string;
  message: string;
  blockId?: string;
}

export interface EngineContext {
  variables: Variables;
  /** Blocks entered since the last outside event; stops runaway loops. */
  steps: number;
  stepBudget: number;
  /** Messages sent since the last outside event (absent in older snapshots). */
  sent?: number;
  /** Most messages one step sends, the closing line included, once the flow loops (absent: the default). */
  messageBudget?: number;
  /** Wrong answers given at the current question. */
  retries: number;
  /** The prompt the visitor is answering while the machine waits. */
  awaiting: MessageContent | null;
  /** Block to jump to through the `__jump` state (agent `goto`, matched intent trigger). */
  jump: string | null;
  error: EngineError | null;
  /** What an AI agent block has heard, said and gathered; absent outside one (and in older snapshots). */
  agent?: AgentMemory | null;
  /** The external effect the machine waits for (state tagged `working`); absent otherwise. */
  pending?: EffectRequest | null;
  /** Effects requested so far: tells a re-settled wait for the same effect from a new one. */
  effectSeq?: number;
}

/** An external effect the flow waits for: which one, its request, and its number in this conversation. */
export interface EffectRequest {
  kind: 'http' | 'answer' | 'agentTurn' | 'classifyIntent';
  request: unknown;
  seq: number;
}

export interface AgentMemory {
  transcript: { author: 'visitor' | 'bot'; text: string }[];
  gathered: Record<string, string>;
}

/** Events from outside; `stepBudget` is added by `step()`. */
export type EngineEvent = (
  | { type: 'start'; variables?: Record<string, unknown> }
  | { type: 'visitor_message'; content: VisitorContent }
  /** Internal (sent by `step()`): the visitor's text matched a global intent trigger. */
  | { type: 'intent'; blockId: string; intentId: string; content: VisitorContent }
  | { type: 'goto'; blockId: string }
  | { type: 'set_variables'; variables: Record<string, unknown> }
  | { type: 'no_agent_timeout' }
  | { type: 'handback' }
  /** Internal (sent by `step()`): the result of the effect in `context.pending`. */
  | { type: 'effect.done'; output: unknown }
  | { type: 'effect.error'; error: string }
) & { stepBudget?: number; messageBudget?: number };

export type EngineEmitted =
  | { type: 'output'; content: MessageContent }
  | { type: 'handoff'; blockId: string; settings: HumanHandoffData }
  /** A block's state was entered (each entry, re-entries included): the step's path. */
  | { type: 'entered'; blockId: string }
  /** An intent matched: at an intent trigger (global or local) or a Match Intent block `blockId`. */
  | { type: 'intent_matched'; blockId: string; intentId: string };

export const DEFAULT_STEP_BUDGET = 100;
/** A loop stops before a step has sent more messages than this (its closing line included). */
export const DEFAULT_MESSAGE_BUDGET = 10;
/** What the visitor reads when the flow is stopped for looping; the host hands the conversation to the team. */
export const LOOP_STOPPED_LINE = "Sorry, I'm going round in circles. I've passed your conversation to our team.";

/** The engine's own states beside one state per block. */
export const STATES = { idle: '__idle', end: '__end', error: '__error', jump: '__jump' } as const;
export const TAGS = {
  idle: 'idle',
  waiting: 'waiting',
  handoff: 'handoff',
  ended: 'ended',
  error: 'error',
  working: 'working',
} as const;
