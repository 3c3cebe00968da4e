import {
  AiStatus,
  PreviewIntentAnswer,
  PreviewIntentRequest,
  PreviewSummaryAnswer,
  PreviewSummaryRequest,
} from '@flowdesk/contract';
import type { Context } from 'hono';
import { answeredBy } from '../ai';
import type { AppEnv } from '../http/env';
import { requireAdmin } from '../http/middleware/auth';
import { enforce } from '../http/middleware/public-rate-limit';
import { errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import { signedInRouter } from '../http/signed-in-routes';
import { agentSuggestion } from '../inbox/summary';
import type { Services } from '../services';

const path = '/api/admin/ai';
const route = routesUnder(path, 'AI');
const statusRoute = route('get', '', {
  summary: 'Which AI provider is active (admin)',
  responses: { 200: jsonResponse(AiStatus, 'The active provider'), ...errorsOf(401, 403) },
});
const previewSummaryRoute = route('post', '/preview-summary', takes({ body: PreviewSummaryRequest }), {
  summary: 'The handoff summary (and AI priority) for a builder preview transcript (admin); writes and alerts nothing',
  responses: {
    200: jsonResponse(PreviewSummaryAnswer, 'What the handoff summary would say'),
    ...errorsOf(400, 401, 403, 429),
  },
});

const previewIntentRoute = route('post', '/preview-intent', takes({ body: PreviewIntentRequest }), {
  summary: "The intent a live chat would match for a builder preview message (admin); the workspace's provider decides",
  responses: {
    200: jsonResponse(PreviewIntentAnswer, 'The intent matched, if any, and its confidence'),
    ...errorsOf(400, 401, 403, 429),
  },
});

/** Preview summaries per admin and minute: each may cost a model call. */
export const PREVIEW_SUMMARY_LIMIT_PER_MINUTE = 30;
/** Preview intent matches per admin and minute: one per message typed in the preview, each may cost a model call. */
export const PREVIEW_INTENT_LIMIT_PER_MINUTE = 60;

/** Each preview's budget per admin and minute, and the refusal once it is spent. */
const previewBudgets = {
  summary: { bucket: 'ai-preview', perMinute: PREVIEW_SUMMARY_LIMIT_PER_MINUTE, refusal: 'Too many preview summaries' },
  intent: {
    bucket: 'ai-preview-intent',
    perMinute: PREVIEW_INTENT_LIMIT_PER_MINUTE,
    refusal: 'Too many preview intent matches',
  },
};

export function aiRoutes(services: Services) {
  const router = signedInRouter(services, path);
  router.openapi(statusRoute, (c) => {
    const { workspaceId } = requireAdmin(c);
    const { provider, model } = services.aiSettings.settingsFor(workspaceId);
    return c.json({ provider, model: provider === 'openai' ? (model ?? services.config.OPENAI_MODEL) : null }, 200);
  });
  /**
   * The AI of the admin's workspace for a builder preview, within the admin's budget for it. Flows are edited by
   * admins only (see flows.ts), so the previews follow the same rule.
   */
  const previewAi = async (c: Context<AppEnv>, preview: keyof typeof previewBudgets) => {
    const user = requireAdmin(c);
    const { bucket, perMinute, refusal } = previewBudgets[preview];
    // Per admin in the shared store: one budget across instances.
    const wait = await services.limits.hit(bucket, user.id, perMinute, 60_000);
    enforce(c, { wait, message: refusal });
    return services.aiFor(user.workspaceId);
  };

  router.openapi(previewSummaryRoute, async (c) => {
    const ai = await previewAi(c, 'summary');
    const { transcript, variables = {}, priorityMode } = c.req.valid('json');
    const name = typeof variables.name === 'string' ? variables.name : null;
    const email = typeof variables.email === 'string' ? variables.email : null;
    const suggested = priorityMode === 'ai' ? agentSuggestion(variables) : null;
    const [summary, rated] = await Promise.all([
      ai.summarize({ transcript, variables, visitor: { name, email } }),
      priorityMode === 'ai' && !suggested ? ai.prioritize({ transcript }) : null,
    ]);
    // The provider that actually wrote the AI parts (the agent's suggestion is not one): offline if either fell back.
    const provider = answeredBy(ai, summary, rated);
    return c.json({ summary: summary.summary, priority: suggested ?? rated, provider }, 200);
  });
  router.openapi(previewIntentRoute, async (c) => {
    const ai = await previewAi(c, 'intent');
    const { text, intents } = c.req.valid('json');
    const matched = await ai.classifyIntent({ text, intents });
    return c.json({ ...matched, provider: answeredBy(ai, matched) }, 200);
  });
  return router;
}
