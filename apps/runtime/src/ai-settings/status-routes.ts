import { AiStatus, PreviewSummaryAnswer, PreviewSummaryRequest } from '@flowdesk/contract';
import { answeredBy } from '../ai';
import { createRouter } from '../http/env';
import { requireAdmin, requireUserUnder } from '../http/middleware/auth';
import { enforce } from '../http/middleware/public-rate-limit';
import { errorsOf, jsonBody, jsonResponse, routesUnder } from '../http/schemas';
import { agentSuggestion } from '../inbox/summary';
import type { Services } from '../services';

const path = '/api/admin/ai';
const route = routesUnder(path, 'AI');
const statusRoute = route('get', '', {
  summary: 'Which AI provider is active (admin)',
  responses: { 200: jsonResponse(AiStatus, 'The active provider'), ...errorsOf(401, 403) },
});
const previewSummaryRoute = route('post', '/preview-summary', {
  summary: 'The handoff summary (and AI priority) for a builder preview transcript (admin); writes and alerts nothing',
  request: { body: jsonBody(PreviewSummaryRequest) },
  responses: {
    200: jsonResponse(PreviewSummaryAnswer, 'What the handoff summary would say'),
    ...errorsOf(400, 401, 403, 429),
  },
});

/** Preview summaries per admin and minute: each may cost a model call. */
export const PREVIEW_SUMMARY_LIMIT_PER_MINUTE = 30;

export function aiRoutes(services: Services) {
  const router = createRouter();
  requireUserUnder(router, services, path);
  router.openapi(statusRoute, (c) => {
    const { workspaceId } = requireAdmin(c);
    const { provider, model } = services.aiSettings.settingsFor(workspaceId);
    return c.json({ provider, model: provider === 'openai' ? (model ?? services.config.OPENAI_MODEL) : null }, 200);
  });
  // Flows are edited by admins only (see flows.ts), so the preview summary follows the same rule.
  router.openapi(previewSummaryRoute, async (c) => {
    const user = requireAdmin(c);
    // Per admin in the shared store: one budget across instances.
    const wait = await services.limits.hit('ai-preview', user.id, PREVIEW_SUMMARY_LIMIT_PER_MINUTE, 60_000);
    enforce(c, { wait, message: 'Too many preview summaries' });
    const { transcript, variables = {}, priorityMode } = c.req.valid('json');
    const ai = services.aiFor(user.workspaceId);
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
  return router;
}
