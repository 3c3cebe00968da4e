import { PREVIEW_SUMMARY_LIMITS, type PreviewSummaryAnswer, type PreviewSummaryRequest } from '@flowdesk/contract';
import { PRIORITY_LABELS } from '../editor/blocks/human-handoff/priority';
import type { PreviewLine } from './preview-summary';

/** What the runtime's AI answered for the preview handoff, or why it could not. */
export type AiSummaryOutcome =
  | { ok: true; summary: string; priority: string | null; reason: string | null; provider: 'openai' | 'offline' }
  | { ok: false; error: string };

/** The runtime's summary for one preview handoff: asked once, read by the note whenever it (re)renders. */
export interface AiSummaryState {
  /** Resolves when the runtime answered or failed; never rejects. */
  done: Promise<AiSummaryOutcome>;
  outcome?: AiSummaryOutcome;
}

export type PreviewSummarizer = (body: PreviewSummaryRequest) => Promise<PreviewSummaryAnswer>;

/** The newest lines that fit the endpoint's limits (line count, characters per line and in all). */
export function fitTranscript(lines: PreviewLine[]): PreviewSummaryRequest['transcript'] {
  const { lines: maxLines, chars, lineChars } = PREVIEW_SUMMARY_LIMITS;
  const kept: PreviewSummaryRequest['transcript'] = [];
  let total = 0;
  for (const line of [...lines].reverse()) {
    const text = line.text.slice(0, lineChars);
    if (kept.length >= maxLines || total + text.length > chars) break;
    total += text.length;
    kept.unshift({ author: line.author, text });
  }
  return kept;
}

/** Flow variables the endpoint accepts: plain values, short keys, long strings cut. */
export function fitVariables(variables: Record<string, unknown>): NonNullable<PreviewSummaryRequest['variables']> {
  const out: NonNullable<PreviewSummaryRequest['variables']> = {};
  for (const [key, value] of Object.entries(variables)) {
    if (Object.keys(out).length >= PREVIEW_SUMMARY_LIMITS.variables || key.length > 100) continue;
    if (typeof value === 'string') out[key] = value.slice(0, 2_000);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) out[key] = value;
  }
  return out;
}

/** Asks the runtime for the summary (and, when the AI decides, the priority) a live handoff would write. */
export function requestAiSummary(
  summarize: PreviewSummarizer,
  lines: PreviewLine[],
  variables: Record<string, unknown>,
  priorityMode: 'ai' | 'fixed',
): AiSummaryState {
  const state: AiSummaryState = { done: Promise.resolve({ ok: false, error: 'not asked' }) };
  state.done = summarize({ transcript: fitTranscript(lines), variables: fitVariables(variables), priorityMode })
    .then(
      (answer): AiSummaryOutcome => ({
        ok: true,
        summary: answer.summary,
        priority: answer.priority ? PRIORITY_LABELS[answer.priority.priority] : null,
        reason: answer.priority?.reason ?? null,
        provider: answer.provider,
      }),
      (error: unknown): AiSummaryOutcome => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    )
    .then((outcome) => {
      state.outcome = outcome;
      return outcome;
    });
  return state;
}
