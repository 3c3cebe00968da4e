/** The AI interface every part of the runtime codes against; implemented by the LangChain and offline providers. */

import type { HandoffSummary } from '@flowdesk/contract';

export type TranscriptLine = {
  author: 'visitor' | 'bot' | 'agent' | 'system';
  name?: string | null;
  text: string;
  at?: string;
  /** A bot question or prompt (buttons, a capture block), not an answer. */
  prompt?: boolean;
};
export type IntentDef = { id: string; name: string; description?: string; phrases: string[] };
export type Priority = 'low' | 'medium' | 'high' | 'urgent';

export type SummarizeInput = {
  transcript: TranscriptLine[];
  variables: Record<string, unknown>;
  visitor?: { name?: string | null; email?: string | null };
};
/** The handoff summary: its text (emails, `summary`) and its structure (the inbox card). */
export type SummaryResult = { summary: string; structured: HandoffSummary };
export type PrioritizeInput = { transcript: TranscriptLine[] };
export type ClassifyIntentInput = { text: string; intents: IntentDef[]; threshold?: number };
export type AnswerInput = { question: string; instructions: string; knowledge: string; transcript?: TranscriptLine[] };
/** How a caller follows an answer as it is written. */
export type AnswerOptions = {
  /** Called with the whole visible answer so far each time it grows; never with the not-found marker. */
  onText?: (textSoFar: string) => void;
  /** Aborting stops the model call; the answer then rejects (no fallback). */
  signal?: AbortSignal;
};
export type SuggestReplyInput = { transcript: TranscriptLine[]; knowledge?: string };

export type HandoffAction = {
  enabled: boolean;
  /** Free text: when the agent should hand off to a human. */
  whenToUse: string;
  /** Fields to ask for before handing off, e.g. ['email', 'order number']. */
  gather: string[];
  autoPriority: boolean;
};

export type AgentTurnInput = {
  instructions: string;
  knowledge: string;
  transcript: TranscriptLine[];
  handoff: HandoffAction;
  /** Fields gathered so far (keys are the `gather` names). */
  gathered: Record<string, string>;
  /**
   * The answer the host found for the visitor's last line in the block's knowledge sources (the passage answer an
   * AI answer block gives offline). The offline agent says it rather than searching the joined knowledge text; a
   * model reads the passages in `knowledge` instead.
   */
  sourcedAnswer?: string;
};

export type AgentTurnResult =
  | { reply: string; gathered?: Record<string, string> }
  | { handoff: { reason: string; gathered: Record<string, string>; priority?: Priority } };

export type ProviderName = 'openai' | 'offline';

export interface AiProvider {
  readonly name: ProviderName;
  summarize(i: SummarizeInput): Promise<SummaryResult>;
  prioritize(i: PrioritizeInput): Promise<{ priority: Priority; reason: string }>;
  classifyIntent(i: ClassifyIntentInput): Promise<{ intentId: string | null; confidence: number }>;
  answer(i: AnswerInput, options?: AnswerOptions): Promise<{ found: boolean; answer: string }>;
  /** AI agent mode: one turn of the agent; either a reply to the visitor or a handoff with gathered fields. */
  agentTurn(i: AgentTurnInput): Promise<AgentTurnResult>;
  suggestReply(i: SuggestReplyInput): Promise<{ reply: string }>;
}

export type AiCallName = keyof Omit<AiProvider, 'name'>;

/** Same as the flow-schema default `settings.intentThreshold`, which the engine applies to the confidence. */
export const DEFAULT_INTENT_THRESHOLD = 0.6;
