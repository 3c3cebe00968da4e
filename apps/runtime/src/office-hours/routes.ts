import {
  OfficeHoursResponse,
  OfficeHoursScope,
  OfficeHoursSettings,
  OfficePreviewAnswer,
  OfficePreviewRequest,
  type Schedule,
  TeamOfficeHoursScope,
} from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { ZodType } from 'zod';
import type { Database } from '../db/schema';
import { badRequest, notFound } from '../http/errors';
import { currentUser, requireAdmin } from '../http/middleware/auth';
import { adminErrors, errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import { signedInRouter } from '../http/signed-in-routes';
import { workspaceRow } from '../repositories/workspace-rows';
import type { Services } from '../services';
import { describe, nextOpening, officeStatus } from './office-hours';
import { replyTimeWords } from './reply-time-query';
import { clearTeamOfficeHours, effectiveOfficeHours, readOfficeHours, writeOfficeHours } from './settings';

const base = '/api/admin/office-hours';
const route = routesUnder(base, 'Office hours');

/** What a read refuses: not signed in (any signed-in user reads; a change is an admin's, adminErrors). */
const readErrors = errorsOf(401);

/**
 * A route on the office hours of the workspace or of one team (`teamId` in the `query`; 404 when the workspace has no
 * such team): it answers the settings with their preview (`answer`, the words for it); `body`, the settings it saves.
 */
function scopedRoute<
  M extends 'get' | 'put' | 'delete',
  Q extends typeof OfficeHoursScope | typeof TeamOfficeHoursScope,
  E extends typeof readErrors | typeof adminErrors,
  B extends ZodType | undefined = undefined,
>(method: M, details: { summary: string; query: Q; body?: B; answer: string; refused: E }) {
  return route(method, '', takes({ query: details.query, body: details.body as B }), {
    summary: details.summary,
    responses: { 200: jsonResponse(OfficeHoursResponse, details.answer), ...details.refused, ...errorsOf(404) },
  });
}

const getRoute = scopedRoute('get', {
  summary: 'Office hours, reply time and offline rules of the workspace or a team, with a live preview',
  query: OfficeHoursScope,
  answer: 'Settings',
  refused: readErrors,
});
const putRoute = scopedRoute('put', {
  summary: 'Save office hours for the workspace or a team (admin)',
  query: OfficeHoursScope,
  body: OfficeHoursSettings,
  answer: 'Saved',
  refused: adminErrors,
});
const deleteRoute = scopedRoute('delete', {
  summary: "Drop a team's own office hours so it follows the workspace (admin)",
  query: TeamOfficeHoursScope,
  answer: 'Cleared',
  refused: adminErrors,
});
const previewRoute = route('post', '/preview', takes({ body: OfficePreviewRequest }), {
  summary: 'Open now / opens at … for an unsaved schedule (the settings page preview)',
  responses: { 200: jsonResponse(OfficePreviewAnswer, 'Preview'), ...errorsOf(400, 401) },
});

function preview(schedule: Schedule | null, at: Date) {
  if (!schedule) return { open: true, description: 'Open now', closesAt: null, opensAt: null };
  const status = officeStatus(schedule, at);
  const opensAt = status.open ? null : nextOpening(schedule, at);
  return {
    open: status.open,
    description: describe(schedule, at),
    closesAt: status.closesAt?.toISOString() ?? null,
    opensAt: opensAt?.toISOString() ?? null,
  };
}

async function assertTeam(db: Kysely<Database>, workspaceId: string, teamId: string | undefined) {
  if (!teamId) return null;
  const team = await workspaceRow(db, 'teams', workspaceId, teamId);
  if (!team) throw notFound('Team');
  return team.id;
}

/** Office-hours settings API. Paths are absolute; mount with `app.route('/', officeHoursRoutes(services))`. */
export function officeHoursRoutes(services: Services) {
  const router = signedInRouter(services, base);
  const { db } = services;

  async function respond(workspaceId: string, teamId: string | null) {
    const now = new Date();
    const effective = await effectiveOfficeHours(db, workspaceId, teamId);
    return {
      settings: await readOfficeHours(db, workspaceId, teamId),
      effective,
      preview: preview(effective.schedule, now),
      replyTime: await replyTimeWords(db, { workspaceId, teamId, now }),
    };
  }

  router.openapi(getRoute, async (c) => {
    const user = currentUser(c);
    const teamId = await assertTeam(db, user.workspaceId, c.req.valid('query').teamId);
    return c.json(await respond(user.workspaceId, teamId), 200);
  });

  router.openapi(putRoute, async (c) => {
    const user = requireAdmin(c);
    const teamId = await assertTeam(db, user.workspaceId, c.req.valid('query').teamId);
    await writeOfficeHours(db, user.workspaceId, teamId, c.req.valid('json'));
    return c.json(await respond(user.workspaceId, teamId), 200);
  });

  router.openapi(deleteRoute, async (c) => {
    const user = requireAdmin(c);
    const teamId = await assertTeam(db, user.workspaceId, c.req.valid('query').teamId);
    if (!teamId) throw badRequest('teamId is required');
    await clearTeamOfficeHours(db, user.workspaceId, teamId);
    return c.json(await respond(user.workspaceId, teamId), 200);
  });

  router.openapi(previewRoute, async (c) => {
    const { schedule, at } = c.req.valid('json');
    return c.json({ preview: preview(schedule, at ? new Date(at) : new Date()) }, 200);
  });
  return router;
}
