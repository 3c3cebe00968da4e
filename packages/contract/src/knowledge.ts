import { z } from 'zod';
import { AiAgentHandoff } from './ai-agent';
import { AiProvider } from './ai-api';
import { Priority } from './conversation';
import { Citation } from './message-content';

/** Knowledge sources of a workspace (issue 22), under /api/admin/knowledge (admins only). */
export const KnowledgeSourceKind = z.enum(['qa', 'text', 'file', 'web']);
export type KnowledgeSourceKind = z.infer<typeof KnowledgeSourceKind>;

/** How often a web source is fetched and indexed again on its own (other kinds change only when edited). */
export const KnowledgeRefresh = z.enum(['never', 'daily', 'weekly']);
export type KnowledgeRefresh = z.infer<typeof KnowledgeRefresh>;

export const KnowledgeSource = z.object({
  id: z.string(),
  kind: KnowledgeSourceKind,
  title: z.string(),
  /** The page or site a web source reads (or a text's link); null for Q&A and files. */
  url: z.string().nullable(),
  refresh: KnowledgeRefresh,
  /** When a scheduled refresh is next due; null when the source is not refreshed on a schedule. */
  nextRefreshAt: z.string().nullable(),
  status: z.enum(['pending', 'indexing', 'ready', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  /** Each page or file that could not be indexed and why, as the admin should read it. */
  failures: z.array(z.object({ item: z.string(), reason: z.string() })),
  chunkCount: z.number().int(),
  indexedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type KnowledgeSource = z.infer<typeof KnowledgeSource>;

export const KnowledgeSourceList = z.object({ sources: z.array(KnowledgeSource) });
export type KnowledgeSourceList = z.infer<typeof KnowledgeSourceList>;

/** DELETE /api/admin/knowledge/{id}. */
export const KnowledgeSourceDeleted = z.object({ deleted: z.literal(true) });

const title = z.string().trim().min(1, 'Give the source a title').max(200);
const webUrl = z
  .string()
  .trim()
  .url('Not a valid URL')
  .refine((value) => /^https?:\/\//i.test(value), 'Only http and https URLs can be indexed');

export const CreateKnowledgeSourceRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('qa'),
    title,
    pairs: z
      .array(z.object({ question: z.string().trim().min(1).max(500), answer: z.string().trim().min(1).max(5000) }))
      .min(1, 'Add at least one question and answer')
      .max(500),
  }),
  z.object({ kind: z.literal('text'), title, text: z.string().trim().min(1).max(200_000), url: webUrl.optional() }),
  z.object({
    kind: z.literal('web'),
    title,
    url: webUrl,
    mode: z.enum(['page', 'site']).default('page'),
    maxPages: z.number().int().min(1).max(500).default(50),
    maxDepth: z.number().int().min(0).max(5).default(2),
    refresh: KnowledgeRefresh.default('never'),
  }),
]);
export type CreateKnowledgeSourceRequest = z.input<typeof CreateKnowledgeSourceRequest>;

/**
 * PUT /api/admin/knowledge/{id}: a Q&A, text or web source as it should read from now on (the same fields as when it
 * was added; its kind stays). It is indexed again; its old passages answer until the new ones replace them.
 */
export const UpdateKnowledgeSourceRequest = CreateKnowledgeSourceRequest;
export type UpdateKnowledgeSourceRequest = CreateKnowledgeSourceRequest;

/** GET /api/admin/knowledge/{id}/content: what a Q&A, text or web source holds, to edit it (a file is uploaded again). */
export const KnowledgeSourceContent = CreateKnowledgeSourceRequest;
export type KnowledgeSourceContent = z.output<typeof CreateKnowledgeSourceRequest>;

/** POST /api/admin/knowledge/files?name=…&title=…, the file's bytes as the body (at most this many). */
export const KNOWLEDGE_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const KnowledgeFileQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.(pdf|docx|md|markdown|html?|txt)$/i, 'Upload a PDF, DOCX, Markdown, HTML or TXT file'),
  title: title.optional(),
});

/**
 * POST /api/admin/knowledge/preview-answer: the builder's preview asks what an AI answer block would say, from its
 * knowledge sources, its own knowledge text, or both.
 */
export const KnowledgePreviewAnswerRequest = z
  .object({
    question: z.string().trim().min(1, 'Ask a question').max(2000),
    sourceIds: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
    instructions: z.string().max(5000).default(''),
    /** The block's own knowledge text, used with the passages. */
    knowledge: z.string().max(100_000).default(''),
  })
  .refine((body) => body.sourceIds.length > 0 || body.knowledge.trim() !== '', {
    message: 'Choose a knowledge source or write knowledge text',
    path: ['sourceIds'],
  });
export type KnowledgePreviewAnswerRequest = z.input<typeof KnowledgePreviewAnswerRequest>;

/** The passages the search found (best first), as sent to the AI. */
const PreviewPassages = z.array(z.object({ title: z.string(), url: z.string().nullable(), text: z.string() }));

export const KnowledgePreviewAnswer = z.object({
  found: z.boolean(),
  answer: z.string(),
  citations: z.array(Citation),
  passages: PreviewPassages,
});
export type KnowledgePreviewAnswer = z.infer<typeof KnowledgePreviewAnswer>;

/** Limits of a preview agent turn: the chat since the conversation reached the agent block. */
export const PREVIEW_AGENT_LIMITS = { lines: 100, lineChars: 4_000, chars: 20_000 } as const;

/**
 * POST /api/admin/knowledge/preview-agent-turn: the builder's preview asks what an AI agent block would say next
 * (the same search and provider as a live chat); nothing is stored.
 */
export const KnowledgePreviewAgentTurnRequest = z.object({
  instructions: z.string().max(5_000).default(''),
  knowledge: z.string().max(100_000).default(''),
  knowledgeSourceIds: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  handoff: AiAgentHandoff,
  transcript: z
    .array(z.object({ author: z.enum(['visitor', 'bot']), text: z.string().max(PREVIEW_AGENT_LIMITS.lineChars) }))
    .min(1, 'The visitor has not written yet')
    .max(PREVIEW_AGENT_LIMITS.lines, `At most ${PREVIEW_AGENT_LIMITS.lines} lines`)
    .refine(
      (lines) => lines.reduce((sum, line) => sum + line.text.length, 0) <= PREVIEW_AGENT_LIMITS.chars,
      `The chat may hold at most ${PREVIEW_AGENT_LIMITS.chars} characters`,
    ),
  /** Details gathered so far, by the block's `gather` names. */
  gathered: z
    .record(z.string().max(64), z.string().max(2_000))
    .refine((fields) => Object.keys(fields).length <= 10, 'At most 10 gathered details')
    .default({}),
});
export type KnowledgePreviewAgentTurnRequest = z.input<typeof KnowledgePreviewAgentTurnRequest>;

const Gathered = z.record(z.string(), z.string());

export const KnowledgePreviewAgentTurn = z.object({
  /** A reply to the visitor, or a handoff with what was gathered. */
  turn: z.union([
    z.object({ reply: z.string(), gathered: Gathered.optional(), citations: z.array(Citation).optional() }),
    z.object({ handoff: z.object({ reason: z.string(), gathered: Gathered, priority: Priority.optional() }) }),
  ]),
  passages: PreviewPassages,
  /** Who wrote the turn: `offline` when there is no key or the model failed and the offline agent answered. */
  provider: AiProvider,
});
export type KnowledgePreviewAgentTurn = z.infer<typeof KnowledgePreviewAgentTurn>;
