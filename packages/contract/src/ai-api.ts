import { z } from 'zod';

/** Admin AI API shapes (GET /api/admin/ai, POST /api/admin/ai/preview-summary). */

export const AiProvider = z.enum(['openai', 'offline']);

export const AiStatus = z.object({
  provider: AiProvider,
  /** The chat model in use; null for the offline provider. */
  model: z.string().nullable(),
});
export type AiStatus = z.infer<typeof AiStatus>;

/** Limits of a preview summary request. */
export const PREVIEW_SUMMARY_LIMITS = { lines: 200, chars: 20_000, lineChars: 4_000, variables: 100 } as const;

export const PreviewLine = z.object({
  author: z.enum(['visitor', 'bot', 'agent']),
  text: z.string().max(PREVIEW_SUMMARY_LIMITS.lineChars),
});

export const PreviewSummaryRequest = z.object({
  transcript: z
    .array(PreviewLine)
    .max(PREVIEW_SUMMARY_LIMITS.lines, `At most ${PREVIEW_SUMMARY_LIMITS.lines} transcript lines`)
    .refine(
      (lines) => lines.reduce((sum, line) => sum + line.text.length, 0) <= PREVIEW_SUMMARY_LIMITS.chars,
      `The transcript may hold at most ${PREVIEW_SUMMARY_LIMITS.chars} characters`,
    ),
  /** Flow variables captured so far (details for the summary; an AI agent's suggested priority). */
  variables: z
    .record(z.string().max(100), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]))
    .refine(
      (vars) => Object.keys(vars).length <= PREVIEW_SUMMARY_LIMITS.variables,
      `At most ${PREVIEW_SUMMARY_LIMITS.variables} variables`,
    )
    .optional(),
  /** `ai`: the handoff block lets the AI decide the priority, so rate it too; `fixed` (default): summary only. */
  priorityMode: z.enum(['ai', 'fixed']).optional(),
});
export type PreviewSummaryRequest = z.input<typeof PreviewSummaryRequest>;

export const PreviewPriority = z.enum(['low', 'medium', 'high', 'urgent']);
export type PreviewPriority = z.infer<typeof PreviewPriority>;

export const PreviewSummaryAnswer = z.object({
  summary: z.string(),
  /** Null unless priorityMode is `ai`. */
  priority: z.object({ priority: PreviewPriority, reason: z.string() }).nullable(),
  /** Who wrote the summary and priority: `offline` when the model failed and the offline fallback answered. */
  provider: AiProvider,
});
export type PreviewSummaryAnswer = z.infer<typeof PreviewSummaryAnswer>;
