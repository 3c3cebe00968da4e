import { createRoute, z } from '@hono/zod-openapi';
import { answeredBy } from '../../../ai';
import { agentSuggestion } from '../../../inbox/summary';
import type { Services } from '../../../services';
import { RateLimiter } from '../../../services/rate-limiter';
import { createRouter } from '../../env';
import { ApiError } from '../../errors';
import { requireAdmin, requireUser } from '../../middleware/auth';
import { errors, jsonBody, jsonResponse } from '../../schemas';

const AiStatusSchema = z
  .object({
    provider: z.enum(['openai', 'offline']),
    /** The chat model in use; null for the offline provider. */
    model: z.string().nullable(),
  })
  .openapi('AiStatus');

const MAX_LINES = 200;
const MAX_CHARS = 20_000;

const PreviewLineSchema = z.object({
  author: z.enum(['visitor', 'bot', 'agent']),
  text: z.string().max(4_000),
});
const PreviewSummaryRequest = z
  .object({
    transcript: z
      .array(PreviewLineSchema)
      .max(MAX_LINES, `At most ${MAX_LINES} transcript lines`)
      .refine(
        (lines) => lines.reduce((sum, line) => sum + line.text.length, 0) <= MAX_CHARS,
        `The transcript may hold at most ${MAX_CHARS} characters`,
      ),
    /** Flow variables captured so far (details for the summary; an AI agent's suggested priority). */
    variables: z
      .record(z.string().max(100), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]))
      .refine((vars) => Object.keys(vars).length <= 100, 'At most 100 variables')
      .optional(),
    /** `ai`: the handoff block lets the AI decide the priority, so rate it too; `fixed` (default): summary only. */
    priorityMode: z.enum(['ai', 'fixed']).optional(),
  })
  .openapi('PreviewSummaryRequest');
const PreviewSummaryResponse = z
  .object({
    summary: z.string(),
    priority: z
      .object({ priority: z.enum(['low', 'medium', 'high', 'urgent']), reason: z.string() })
      .nullable()
      .describe('Null unless priorityMode is `ai`'),
    /** Who wrote the summary and priority: `offline` when the model failed and the offline fallback answered. */
    provider: z.enum(['openai', 'offline']),
  })
  .openapi('PreviewSummary');

const path = '/api/admin/ai';
const summaryPath = `${path}/preview-summary`;
const statusRoute = createRoute({
  method: 'get',
  path,
  tags: ['AI'],
  summary: 'Which AI provider is active (admin)',
  responses: { 200: jsonResponse(AiStatusSchema, 'The active provider'), 401: errors[401], 403: errors[403] },
});
const previewSummaryRoute = createRoute({
  method: 'post',
  path: summaryPath,
  tags: ['AI'],
  summary: 'The handoff summary (and AI priority) for a builder preview transcript (admin); writes and alerts nothing',
  request: { body: jsonBody(PreviewSummaryRequest) },
  responses: {
    200: jsonResponse(PreviewSummaryResponse, 'What the handoff summary would say'),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    429: errors[429],
  },
});

/** Preview summaries per admin and minute: each may cost a model call. */
export const PREVIEW_SUMMARY_LIMIT_PER_MINUTE = 30;

export function aiRoutes(services: Services) {
  const router = createRouter();
  const perUser = new RateLimiter(PREVIEW_SUMMARY_LIMIT_PER_MINUTE, 60_000);
  router.use(path, requireUser(services));
  router.use(`${path}/*`, requireUser(services));
  router.openapi(statusRoute, (c) => {
    requireAdmin(c);
    const provider = services.ai.name;
    return c.json({ provider, model: provider === 'openai' ? services.config.OPENAI_MODEL : null }, 200);
  });
  // Flows are edited by admins only (see flows.ts), so the preview summary follows the same rule.
  router.openapi(previewSummaryRoute, async (c) => {
    const user = requireAdmin(c);
    const wait = perUser.hit(user.id);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new ApiError(429, 'rate_limited', 'Too many preview summaries, try again in a minute');
    }
    const { transcript, variables = {}, priorityMode } = c.req.valid('json');
    const name = typeof variables.name === 'string' ? variables.name : null;
    const email = typeof variables.email === 'string' ? variables.email : null;
    const suggested = priorityMode === 'ai' ? agentSuggestion(variables) : null;
    const [summary, rated] = await Promise.all([
      services.ai.summarize({ transcript, variables, visitor: { name, email } }),
      priorityMode === 'ai' && !suggested ? services.ai.prioritize({ transcript }) : null,
    ]);
    // The provider that actually wrote the AI parts (the agent's suggestion is not one): offline if either fell back.
    const provider = answeredBy(services.ai, summary, rated);
    return c.json({ summary: summary.summary, priority: suggested ?? rated, provider }, 200);
  });
  return router;
}
