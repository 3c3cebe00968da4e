import { z } from 'zod';

/** Admin AI API shapes (GET /api/admin/ai, POST /api/admin/ai/preview-summary and /preview-intent). */

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

/** Limits of a preview intent request: the intents of one flow, bounded so one request stays cheap to match. */
export const PREVIEW_INTENT_LIMITS = { intents: 100, phrases: 2_000 } as const;

/** POST /api/admin/ai/preview-intent: which intent a live chat would match for this message (the builder's preview). */
export const PreviewIntentRequest = z.object({
  text: z.string().trim().min(1, 'Type a message').max(2_000),
  intents: z
    .array(
      z.object({
        id: z.string().trim().min(1).max(100),
        name: z.string().trim().min(1).max(100),
        description: z.string().max(1_000).default(''),
        phrases: z.array(z.string().max(500)).max(500).default([]),
      }),
    )
    .min(1, 'Add an intent')
    .max(PREVIEW_INTENT_LIMITS.intents, `At most ${PREVIEW_INTENT_LIMITS.intents} intents`)
    .refine(
      (intents) => intents.reduce((sum, intent) => sum + intent.phrases.length, 0) <= PREVIEW_INTENT_LIMITS.phrases,
      `At most ${PREVIEW_INTENT_LIMITS.phrases} example phrases in all`,
    ),
});
export type PreviewIntentRequest = z.input<typeof PreviewIntentRequest>;

export const PreviewIntentAnswer = z.object({
  /** The intent a live chat would match; null when none reaches the provider's threshold. */
  intentId: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  /** Who matched it: `offline` when there is no key or the model failed and the offline matcher answered. */
  provider: AiProvider,
});
export type PreviewIntentAnswer = z.infer<typeof PreviewIntentAnswer>;

/**
 * A workspace's AI settings (GET/PUT /api/admin/ai/settings, admins). The key is stored encrypted with the server's
 * secret and never returned: only whether one is set and its last four characters.
 */
export const AiSettings = z.object({
  /** `server`: the workspace has saved nothing and uses the runtime's environment (OPENAI_API_KEY…). */
  source: z.enum(['workspace', 'server']),
  provider: AiProvider,
  keySet: z.boolean(),
  /** The key's last four characters ("…a1b2"), for recognising it; null when none is set. */
  keyHint: z.string().nullable(),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  /** False when the server has no secret to encrypt keys with (PostgreSQL without SECRET_KEY): keys cannot be saved. */
  canStoreKeys: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type AiSettings = z.infer<typeof AiSettings>;

const baseUrl = z
  .string()
  .trim()
  .max(500)
  .url('Enter the endpoint as a full URL, e.g. https://api.openai.com/v1')
  .refine((value) => /^https?:\/\//i.test(value), 'The endpoint must be an http or https URL');
const model = z.string().trim().min(1, 'Name the model').max(100);
const apiKey = z.string().trim().min(8, 'This does not look like an API key').max(500);

/**
 * `openai`: an OpenAI-compatible endpoint. `apiKey` omitted keeps the saved key; a new one replaces it.
 * `offline`: the built-in offline provider; any saved key is deleted.
 */
export const UpdateAiSettingsRequest = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('openai'),
    apiKey: apiKey.optional(),
    baseUrl: baseUrl.nullable().default(null),
    model: model.default('gpt-4o-mini'),
  }),
  z.object({ provider: z.literal('offline') }),
]);
export type UpdateAiSettingsRequest = z.input<typeof UpdateAiSettingsRequest>;

/** POST /api/admin/ai/test-connection: tries these settings (the saved key when `apiKey` is omitted). */
export const TestAiConnectionRequest = z.object({
  apiKey: apiKey.optional(),
  baseUrl: baseUrl.nullable().default(null),
  model: model.default('gpt-4o-mini'),
});
export type TestAiConnectionRequest = z.input<typeof TestAiConnectionRequest>;

export const TestAiConnectionAnswer = z.object({
  ok: z.boolean(),
  /** What the endpoint said, in words (the key itself never appears). */
  message: z.string(),
  latencyMs: z.number().int(),
});
export type TestAiConnectionAnswer = z.infer<typeof TestAiConnectionAnswer>;
