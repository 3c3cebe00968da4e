import { BotAnswer, BotsAnswer, CreateBotRequest, PatchBotRequest } from '@flowdesk/contract';
import { notFound } from '../http/errors';
import { currentUser, requireAdmin } from '../http/middleware/auth';
import { adminErrors, errorsOf, IdParam, jsonResponse, routesUnder, takes } from '../http/schemas';
import { signedInRouter } from '../http/signed-in-routes';
import type { Services } from '../services';
import { createBot, findWorkspaceBot, listBots, toBotJson, updateBot } from './repository';

const base = '/api/admin/bots';
const route = routesUnder(base, 'Bots');
const listRoute = route('get', '', {
  summary: 'Bots of my workspace',
  responses: { 200: jsonResponse(BotsAnswer, 'Bots'), ...errorsOf(401) },
});
const createBotRoute = route('post', '', takes({ body: CreateBotRequest }), {
  summary: 'Create a bot (admin)',
  responses: { 201: jsonResponse(BotAnswer, 'Created'), ...adminErrors },
});
const getRoute = route('get', '/{id}', takes({ params: IdParam }), {
  summary: 'One bot',
  responses: { 200: jsonResponse(BotAnswer, 'The bot'), ...errorsOf(401, 404) },
});
const patchRoute = route('patch', '/{id}', takes({ params: IdParam, body: PatchBotRequest }), {
  summary: 'Change name, allowed origins, theme or widget texts (admin)',
  responses: { 200: jsonResponse(BotAnswer, 'Updated'), ...adminErrors, ...errorsOf(404) },
});

export function botRoutes(services: Services) {
  const router = signedInRouter(services, base);
  const { db } = services;

  router.openapi(listRoute, async (c) => {
    const bots = await listBots(db, currentUser(c).workspaceId);
    return c.json({ bots: bots.map(toBotJson) }, 200);
  });

  router.openapi(createBotRoute, async (c) => {
    const user = requireAdmin(c);
    const input = c.req.valid('json');
    const bot = await createBot(db, {
      workspaceId: user.workspaceId,
      name: input.name,
      allowedOrigins: input.allowedOrigins,
    });
    return c.json({ bot: toBotJson(bot) }, 201);
  });

  router.openapi(getRoute, async (c) => {
    const bot = await findWorkspaceBot(db, currentUser(c).workspaceId, c.req.valid('param').id);
    if (!bot) throw notFound('Bot');
    return c.json({ bot: toBotJson(bot) }, 200);
  });

  router.openapi(patchRoute, async (c) => {
    const user = requireAdmin(c);
    const bot = await findWorkspaceBot(db, user.workspaceId, c.req.valid('param').id);
    if (!bot) throw notFound('Bot');
    const patch = c.req.valid('json');
    const settings = patch.settings && {
      ...bot.settings,
      ...patch.settings,
      theme: { ...bot.settings.theme, ...patch.settings.theme },
      strings: { ...bot.settings.strings, ...patch.settings.strings },
    };
    const updated = await updateBot(db, bot.id, { name: patch.name, allowedOrigins: patch.allowedOrigins, settings });
    return c.json({ bot: toBotJson(updated) }, 200);
  });
  return router;
}
