import type { Citation, Priority } from '@flowdesk/contract';
import type { AiAgentHandoff, HumanHandoffData, Intent, Variables } from '@flowdesk/flow-schema';

export interface HttpEffectRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** The host must reject (or time out) within this many milliseconds. */
  timeoutMs: number;
}
export interface HttpEffectResult {
  status: number;
  body: unknown;
}

export interface AnswerEffectRequest {
  question: string;
  instructions: string;
  knowledge: string;
  /** The workspace's knowledge sources to search as well (absent when the block chose none). */
  knowledgeSourceIds?: string[];
  variables: Variables;
}
export interface AnswerEffectResult {
  found: boolean;
  answer: string;
  /** The knowledge sources the answer was drawn from, named under it. */
  citations?: Citation[];
}

export interface AgentTranscriptLine {
  author: 'visitor' | 'bot';
  text: string;
}
export interface AgentTurnRequest {
  instructions: string;
  knowledge: string;
  /** The workspace's knowledge sources to search as well (absent when the block chose none). */
  knowledgeSourceIds?: string[];
  handoff: AiAgentHandoff;
  /** What the visitor and the agent said since the conversation reached the agent block. */
  transcript: AgentTranscriptLine[];
  /** Fields gathered so far (keys are the block's `gather` names). */
  gathered: Record<string, string>;
  variables: Variables;
}
export type AgentTurnResult =
  | { reply: string; gathered?: Record<string, string>; citations?: Citation[] }
  | { handoff: { reason: string; gathered: Record<string, string>; priority?: Priority } };

export interface ClassifyIntentRequest {
  text: string;
  intents: Intent[];
}
export interface ClassifyIntentResult {
  intentId: string | null;
  confidence: number;
}

export interface HandoffEffectRequest {
  blockId: string;
  settings: HumanHandoffData;
  variables: Variables;
}
export interface HandoffEffectResult {
  outcome: 'handed_off' | 'offline';
  /** Replaces the block's confirmation / offline message (e.g. with the expected reply time). */
  message?: string;
}

export interface EmailEffectRequest {
  to: string;
  subject: string;
  body: string;
}

/**
 * Everything the engine cannot do itself. The host (runtime, builder preview, tests) implements these;
 * the engine turns them into XState actors with `machine.provide`. Rejections are handled by the flow
 * (error / not_found / no_match / offline paths), never thrown out of `step()`.
 */
export interface EngineEffects {
  http(req: HttpEffectRequest): Promise<HttpEffectResult>;
  answer(req: AnswerEffectRequest): Promise<AnswerEffectResult>;
  /** One turn of an AI agent block: a reply to say, or a handoff. */
  agentTurn(req: AgentTurnRequest): Promise<AgentTurnResult>;
  classifyIntent(req: ClassifyIntentRequest): Promise<ClassifyIntentResult>;
  handoff(req: HandoffEffectRequest): Promise<HandoffEffectResult>;
  sendEmail(req: EmailEffectRequest): Promise<void>;
}

/** The effects that leave the process: a host may run them after the step, with no database held. */
export type ExternalEffectKind = 'http' | 'answer' | 'agentTurn' | 'classifyIntent';
export const EXTERNAL_EFFECTS: readonly ExternalEffectKind[] = ['http', 'answer', 'agentTurn', 'classifyIntent'];

/** How an external effect ended: its output, or why it failed (the block's failure path follows). */
export type EffectOutcome = { ok: true; output: unknown } | { ok: false; error: string };

/** How a call ended, as an outcome: its output, or the rejection's message. */
export function outcomeOf(work: Promise<unknown>): Promise<EffectOutcome> {
  return work.then(
    (output): EffectOutcome => ({ ok: true, output }),
    (error: unknown): EffectOutcome => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
}

/** Runs external effect `kind` with the host's implementation; a rejection becomes a failed outcome. */
export function runEffect(effects: EngineEffects, kind: ExternalEffectKind, request: unknown): Promise<EffectOutcome> {
  const call = effects[kind] as (req: unknown) => Promise<unknown>;
  // Called inside the promise chain, so a host function that throws synchronously fails the outcome too.
  return outcomeOf(Promise.resolve().then(() => call.call(effects, request)));
}
