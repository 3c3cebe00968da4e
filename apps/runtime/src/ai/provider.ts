/** The AI interface every part of the runtime codes against; implemented by the LangChain and offline providers. */

export type TranscriptLine = {
  author: 'visitor' | 'bot' | 'agent' | 'system';
  name?: string | null;
  text: string;
  at?: string;
};
export type IntentDef = { id: string; name: string; description?: string; phrases: string[] };
export type Priority = 'low' | 'medium' | 'high' | 'urgent';

export type SummarizeInput = {
  transcript: TranscriptLine[];
  variables: Record<string, unknown>;
  visitor?: { name?: string | null; email?: string | null };
};
export type PrioritizeInput = { transcript: TranscriptLine[] };
export type ClassifyIntentInput = { text: string; intents: IntentDef[]; threshold?: number };
export type AnswerInput = { question: string; instructions: string; knowledge: string; transcript?: TranscriptLine[] };
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
};

export type AgentTurnResult =
  | { reply: string; gathered?: Record<string, string> }
  | { handoff: { reason: string; gathered: Record<string, string>; priority?: Priority } };

export interface AiProvider {
  readonly name: 'openai' | 'offline';
  summarize(i: SummarizeInput): Promise<{ summary: string }>;
  prioritize(i: PrioritizeInput): Promise<{ priority: Priority; reason: string }>;
  classifyIntent(i: ClassifyIntentInput): Promise<{ intentId: string | null; confidence: number }>;
  answer(i: AnswerInput): Promise<{ found: boolean; answer: string }>;
  /** AI agent mode: one turn of the agent; either a reply to the visitor or a handoff with gathered fields. */
  agentTurn(i: AgentTurnInput): Promise<AgentTurnResult>;
  suggestReply(i: SuggestReplyInput): Promise<{ reply: string }>;
}

export type AiCallName = keyof Omit<AiProvider, 'name'>;

/** Same as the flow-schema default `settings.intentThreshold`, which the engine applies to the confidence. */
export const DEFAULT_INTENT_THRESHOLD = 0.6;
