import {
  CreateFlowRequest,
  FlowAnswer,
  FlowsAnswer,
  FlowsQuery,
  LIVE_FLOW_CONFLICT,
  MakeLiveRequest,
  PublishOutcome,
  SaveDraftRequest,
} from '@flowdesk/contract';
import type { Context } from 'hono';
import { findWorkspaceBot } from '../bots/repository';
import type { AppEnv } from '../http/env';
import { ApiError, conflict, notFound } from '../http/errors';
import { currentUser, requireAdmin } from '../http/middleware/auth';
import { adminErrors, errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import { signedInRouter } from '../http/signed-in-routes';
import type { Services } from '../services';
import {
  createFlow,
  deleteFlow,
  findWorkspaceFlow,
  listFlows,
  saveDraft,
  toFlowJson,
  toFlowSummary,
} from './repository';
import { CheckedFlowDraft, FlowIdParam } from './schemas';
import { makeFlowLive } from './versions-repository';

export const FLOWS_BASE = '/api/admin/flows';

const CreateFlow = CreateFlowRequest.extend({ draft: CheckedFlowDraft });
const SaveDraft = SaveDraftRequest.extend({ draft: CheckedFlowDraft });

const route = routesUnder(FLOWS_BASE, 'Flows');
const listRoute = route('get', '', takes({ query: FlowsQuery }), {
  summary: 'Flows of my workspace (optionally of one bot)',
  responses: { 200: jsonResponse(FlowsAnswer, 'Flows'), ...errorsOf(401) },
});
const createFlowRoute = route('post', '', takes({ body: CreateFlow }), {
  summary: 'Create a draft flow for a bot (admin)',
  responses: { 201: jsonResponse(FlowAnswer, 'Created'), ...adminErrors, ...errorsOf(404) },
});
const getRoute = route('get', '/{id}', takes({ params: FlowIdParam }), {
  summary: 'A flow with its draft',
  responses: { 200: jsonResponse(FlowAnswer, 'The flow'), ...errorsOf(401, 404) },
});
const saveRoute = route('put', '/{id}/draft', takes({ params: FlowIdParam, body: SaveDraft }), {
  summary: 'Save the draft (admin); published versions are untouched',
  responses: { 200: jsonResponse(FlowAnswer, 'Saved'), ...adminErrors, ...errorsOf(404, 409) },
});
const liveRoute = route('post', '/{id}/live', takes({ params: FlowIdParam, body: MakeLiveRequest }), {
  summary: "Make a published flow its bot's live flow, without publishing again (admin)",
  description: `Where another flow is live, \`replacesFlowId\` must name it, else 409 \`${LIVE_FLOW_CONFLICT}\`.`,
  responses: { 200: jsonResponse(PublishOutcome, 'Live'), ...adminErrors, ...errorsOf(404, 409) },
});
const deleteRoute = route('delete', '/{id}', takes({ params: FlowIdParam }), {
  summary: 'Delete a flow that is not live (admin)',
  responses: { 204: { description: 'Deleted' }, ...errorsOf(401, 403, 404, 409) },
});

/** The workspace's flow named by the `id` path parameter, or 404. */
export async function loadFlow(c: Context<AppEnv>, services: Services, id: string) {
  const flow = await findWorkspaceFlow(services.db, currentUser(c).workspaceId, id);
  if (!flow) throw notFound('Flow');
  return flow;
}

type Named = { name: string };

/**
 * 409 `live_flow_conflict`: going live would replace the bot's live flow, which the admin did not name in
 * `replacesFlowId`. The details say which bot and flow; `orElse` adds the other way out.
 */
export function liveFlowConflict(conflict: { bot: Named; liveFlow: Named }, orElse = '') {
  const { bot, liveFlow } = conflict;
  const message = `"${liveFlow.name}" is live for ${bot.name}; confirm replacing it (replacesFlowId)${orElse}`;
  return new ApiError(409, LIVE_FLOW_CONFLICT, message, conflict);
}

export function flowRoutes(services: Services) {
  const router = signedInRouter(services, FLOWS_BASE);
  const { db } = services;

  router.openapi(listRoute, async (c) => {
    const flows = await listFlows(db, currentUser(c).workspaceId, c.req.valid('query').botId);
    return c.json({ flows: flows.map(toFlowSummary) }, 200);
  });

  router.openapi(createFlowRoute, async (c) => {
    const user = requireAdmin(c);
    const input = c.req.valid('json');
    const bot = await findWorkspaceBot(db, user.workspaceId, input.botId);
    if (!bot) throw notFound('Bot');
    const { id } = await createFlow(db, { botId: bot.id, name: input.name, draft: input.draft, userId: user.id });
    return c.json({ flow: toFlowJson(await loadFlow(c, services, id)) }, 201);
  });

  router.openapi(getRoute, async (c) =>
    c.json({ flow: toFlowJson(await loadFlow(c, services, c.req.valid('param').id)) }, 200),
  );

  router.openapi(saveRoute, async (c) => {
    const user = requireAdmin(c);
    const flow = await loadFlow(c, services, c.req.valid('param').id);
    const input = c.req.valid('json');
    if (input.baseUpdatedAt && new Date(input.baseUpdatedAt).getTime() !== flow.updated_at.getTime()) {
      throw conflict('Someone else saved this flow meanwhile; reload it first', {
        updatedAt: flow.updated_at.toISOString(),
      });
    }
    await saveDraft(db, flow.id, { draft: input.draft, name: input.name, userId: user.id });
    return c.json({ flow: toFlowJson(await loadFlow(c, services, flow.id)) }, 200);
  });

  router.openapi(liveRoute, async (c) => {
    requireAdmin(c);
    const flow = await loadFlow(c, services, c.req.valid('param').id);
    const result = await makeFlowLive(db, { flowId: flow.id, replacesFlowId: c.req.valid('json').replacesFlowId });
    if (result === 'not_published') throw conflict('Publish this flow before making it live');
    if ('conflict' in result) throw liveFlowConflict(result.conflict);
    return c.json({ bot: result.bot, live: true, replaced: result.replaced }, 200);
  });

  router.openapi(deleteRoute, async (c) => {
    requireAdmin(c);
    const flow = await loadFlow(c, services, c.req.valid('param').id);
    if (flow.live_flow_id === flow.id) throw conflict('This flow is live for its bot; publish another flow first');
    await deleteFlow(db, flow.id);
    return c.body(null, 204);
  });
  return router;
}
