import {
  FlowVersionAnswer,
  FlowVersionsAnswer,
  LIVE_FLOW_CONFLICT,
  PublishAnswer,
  PublishFlowRequest,
  RollbackAnswer,
  RollbackRequest,
  ValidateFlowAnswer,
  ValidateFlowRequest,
} from '@flowdesk/contract';
import { analyzeFlow } from '@flowdesk/flow-schema';
import { z } from '@hono/zod-openapi';
import { createRouter } from '../http/env';
import { ApiError, badRequest, notFound, zodDetails } from '../http/errors';
import { currentUser, requireAdmin, requireUser } from '../http/middleware/auth';
import { adminErrors, errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import { knowledgeSourceProblems } from '../knowledge/flow-check';
import type { Services } from '../services';
import { saveDraft, toFlowJson } from './repository';
import { FLOWS_BASE, liveFlowConflict, loadFlow } from './routes';
import { CheckedFlowDraft, FlowIdParam } from './schemas';
import { checkPublishable } from './validation';
import { findVersion, listVersions, publishFlowVersion, toVersionJson } from './versions-repository';

const ValidateRequest = ValidateFlowRequest.unwrap().extend({ draft: CheckedFlowDraft.optional() }).optional();
const VersionParams = FlowIdParam.extend({ number: z.coerce.number().int().positive().max(1_000_000) });

const route = routesUnder(FLOWS_BASE, 'Flows');
const validateRoute = route('post', '/{id}/validate', takes({ params: FlowIdParam, optionalBody: ValidateRequest }), {
  summary: 'Check the saved draft (or a posted one) and list every problem',
  responses: { 200: jsonResponse(ValidateFlowAnswer, 'Problems'), ...errorsOf(400, 401, 404) },
});
const publishRoute = route('post', '/{id}/publish', takes({ params: FlowIdParam, optionalBody: PublishFlowRequest }), {
  summary: 'Publish the draft as a new immutable version, live for its bot as asked (admin)',
  description:
    'Without `makeLive` the flow goes live only where that replaces nothing. `makeLive: true` where another flow ' +
    `is live needs \`replacesFlowId\` naming it, else 409 \`${LIVE_FLOW_CONFLICT}\` (details: the bot and its live flow).`,
  responses: { 201: jsonResponse(PublishAnswer, 'Published'), ...adminErrors, ...errorsOf(404, 409, 422) },
});
const versionsRoute = route('get', '/{id}/versions', takes({ params: FlowIdParam }), {
  summary: 'Published versions, newest first',
  responses: { 200: jsonResponse(FlowVersionsAnswer, 'Versions'), ...errorsOf(401, 404) },
});
const versionRoute = route('get', '/{id}/versions/{number}', takes({ params: VersionParams }), {
  summary: 'One published version with its document',
  responses: { 200: jsonResponse(FlowVersionAnswer, 'The version'), ...errorsOf(400, 401, 404) },
});
const rollbackRoute = route('post', '/{id}/rollback', takes({ params: FlowIdParam, body: RollbackRequest }), {
  summary: 'Republish an earlier version as the newest one and restore it as the draft (admin)',
  responses: { 201: jsonResponse(RollbackAnswer, 'Rolled back'), ...adminErrors, ...errorsOf(404) },
});

export function flowVersionRoutes(services: Services) {
  const router = createRouter();
  const { db } = services;
  router.use(`${FLOWS_BASE}/*`, requireUser(services));

  router.openapi(validateRoute, async (c) => {
    const flow = await loadFlow(c, services, c.req.valid('param').id);
    const body = await c.req.json().catch(() => undefined);
    const posted = ValidateRequest.safeParse(body);
    const draft = (posted.success && posted.data?.draft) || flow.draft;
    const { doc, problems, runnable } = analyzeFlow(draft);
    problems.push(...(await knowledgeSourceProblems(db, currentUser(c).workspaceId, doc)));
    return c.json({ problems, runnable }, 200);
  });

  router.openapi(publishRoute, async (c) => {
    const user = requireAdmin(c);
    const flow = await loadFlow(c, services, c.req.valid('param').id);
    const body = PublishFlowRequest.safeParse((await c.req.json().catch(() => null)) ?? {});
    if (!body.success) throw badRequest('Invalid publish request', zodDetails(body.error));
    const checked = checkPublishable(flow.draft);
    const problems = checked.problems;
    if (checked.document) problems.push(...(await knowledgeSourceProblems(db, user.workspaceId, checked.document)));
    const document = problems.some((problem) => problem.severity === 'error') ? null : checked.document;
    if (!document) {
      const count = problems.filter((problem) => problem.severity === 'error').length;
      throw new ApiError(
        422,
        'invalid_flow',
        `The flow has ${count} error${count === 1 ? '' : 's'} to fix before publishing`,
        problems,
      );
    }
    const { note, makeLive, replacesFlowId } = body.data;
    const result = await publishFlowVersion(db, {
      flowId: flow.id,
      document,
      note: note ?? null,
      userId: user.id,
      live: { makeLive, replacesFlowId },
    });
    if ('conflict' in result) throw liveFlowConflict(result.conflict, ' or publish without making this flow live');
    const row = await findVersion(db, flow.id, result.version.number);
    return c.json(
      { version: toVersionJson(row!), problems, bot: result.bot, live: result.live, replaced: result.replaced },
      201,
    );
  });

  router.openapi(versionsRoute, async (c) => {
    const flow = await loadFlow(c, services, c.req.valid('param').id);
    const versions = await listVersions(db, flow.id);
    return c.json({ versions: versions.map((row) => toVersionJson(row)) }, 200);
  });

  router.openapi(versionRoute, async (c) => {
    const params = c.req.valid('param');
    const flow = await loadFlow(c, services, params.id);
    const version = await findVersion(db, flow.id, params.number);
    if (!version) throw notFound('Version');
    return c.json({ version: toVersionJson(version, true) }, 200);
  });

  router.openapi(rollbackRoute, async (c) => {
    const user = requireAdmin(c);
    const flow = await loadFlow(c, services, c.req.valid('param').id);
    const input = c.req.valid('json');
    const target = await findVersion(db, flow.id, input.version);
    if (!target) throw notFound('Version');
    const note = input.note ?? `Rollback to version ${target.number}`;
    const published = await publishFlowVersion(db, {
      flowId: flow.id,
      document: target.document,
      note,
      userId: user.id,
      live: {}, // live again only if it was (or nothing is): a rollback never replaces another flow
    });
    if ('conflict' in published) throw new Error('unreachable: an unasked live choice never conflicts');
    const { version } = published;
    await saveDraft(db, flow.id, { draft: target.document, userId: user.id });
    const [updated, row] = await Promise.all([
      loadFlow(c, services, flow.id),
      findVersion(db, flow.id, version.number),
    ]);
    return c.json({ flow: toFlowJson(updated), version: toVersionJson(row!) }, 201);
  });
  return router;
}
