import type { MessageContent } from '@flowdesk/contract';
import {
  type CompiledFlow,
  type EngineEffects,
  type EngineInput,
  type PersistedSnapshot,
  type StepResult,
  step,
} from '@flowdesk/engine';

export type VisitorReply = Extract<EngineInput, { type: 'visitor_message' }>['content'];

/** One conversation with a draft flow, run by the engine in the browser. */
export class PreviewSession {
  private snapshot: PersistedSnapshot | null = null;
  last: StepResult | null = null;

  constructor(
    private readonly compiled: CompiledFlow,
    private readonly effects: EngineEffects,
  ) {}

  start(variables?: Record<string, unknown>): Promise<StepResult> {
    return this.run({ type: 'start', ...(variables ? { variables } : {}) });
  }

  reply(content: VisitorReply): Promise<StepResult> {
    return this.run({ type: 'visitor_message', content });
  }

  /** An agent hands the conversation back to the bot (after a handoff). */
  handback(): Promise<StepResult> {
    return this.run({ type: 'handback' });
  }

  private async run(event: EngineInput): Promise<StepResult> {
    const result = await step(this.compiled, this.effects, { snapshot: this.snapshot, event, timeoutMs: 35_000 });
    if (result.snapshot) this.snapshot = result.snapshot;
    this.last = result;
    return result;
  }
}

/** The visitor's reply as the chat shows it. */
export function replyText(content: VisitorReply): string {
  if (content.type === 'text') return content.text;
  if (content.type === 'choice_reply') return content.label;
  return Object.entries(content.values)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}

export type { MessageContent };
