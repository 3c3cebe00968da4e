import { type EffectOutcome, type ExternalEffectKind, outcomeOf } from '@flowdesk/engine';

/** JSON with object keys sorted, so a request read back from jsonb compares equal to the one built. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => v !== undefined && key !== 'transcript')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What identifies a call: its kind and request (the transcript added by the runtime aside). */
export const callKey = (kind: string, request: unknown) => `${kind}:${stableJson(request)}`;

/**
 * A model call started before it is known to be needed: while a typed message waits for intent
 * matching, the call the flow would make without a match (an AI answer or agent turn) runs beside it.
 * If no intent matches, the flow asks for the same call and gets this one (latency: the longer of the
 * two, not their sum); if one does, the call is dropped (one wasted model call). Its text is kept
 * until the flow claims it, then streamed from where it is.
 */
export class Speculation {
  private text = '';
  private listener: ((text: string) => void) | null = null;
  readonly outcome: Promise<EffectOutcome>;

  constructor(
    readonly key: string,
    start: (onText: (text: string) => void) => Promise<unknown>,
  ) {
    this.outcome = outcomeOf(
      start((text) => {
        this.text = text;
        this.listener?.(text);
      }),
    );
  }

  /** The flow asked for this call: stream what was written so far and what follows. */
  claim(onText?: (text: string) => void): Promise<EffectOutcome> {
    if (onText) {
      this.listener = onText;
      if (this.text) onText(this.text);
    }
    return this.outcome;
  }
}

export const SPECULATED_KINDS: ReadonlySet<ExternalEffectKind> = new Set(['answer', 'agentTurn']);
