import type { StartSessionRequest } from '@flowdesk/contract';
import type { Context } from 'hono';
import { findBotById } from '../../../bots/repository';
import { widgetSettings } from '../../../bots/widget-settings';
import type { Bot, JsonObject, Visitor } from '../../../db/schema';
import { findConversation, latestVisitorConversation } from '../../../repositories/conversations';
import { conversationScope } from '../../../repositories/visitor-scope';
import { createVisitor, findVisitorByToken, updateVisitor } from '../../../repositories/visitors';
import type { Services } from '../../../services';
import { clientAddress } from '../../client-address';
import { createRouter } from '../../env';
import { notFound } from '../../errors';
import { checkBotOrigin } from '../../middleware/public-cors';
import { enforce } from '../../middleware/public-rate-limit';
import { errorsOf, jsonBody, jsonResponse, routesUnder } from '../../schemas';
import { publicChannel } from './channel';
import { BotIdParam, PublicSchemas } from './schemas';

const route = routesUnder('/api/public/bots/{botId}', 'Widget');
const startRoute = route('post', '/sessions', {
  summary: 'Start or resume a visitor session: returns the visitor token, the open conversation and widget settings',
  request: { params: BotIdParam, body: jsonBody(PublicSchemas.StartSessionRequest) },
  responses: { 200: jsonResponse(PublicSchemas.StartSessionResponse, 'Session'), ...errorsOf(400, 403, 404, 429) },
});

const settingsRoute = route('get', '/settings', {
  summary: "The bot's widget settings (name, theme, texts, availability)",
  request: { params: BotIdParam },
  responses: { 200: jsonResponse(PublicSchemas.WidgetSettingsResponse, 'Settings'), ...errorsOf(403, 404, 429) },
});

/** Flow variables a new conversation starts with: the SDK's variables plus what is known of the visitor. */
export function startVariables(visitor: Visitor): JsonObject {
  return {
    ...visitor.variables,
    visitor: { name: visitor.name ?? '', email: visitor.email ?? '', pageUrl: visitor.page_url ?? '' },
  };
}

export function sessionRoutes(services: Services) {
  const router = createRouter();

  const loadBot = async (botId: string) => {
    const bot = await findBotById(services.db, botId);
    if (!bot) throw notFound('Bot');
    return bot;
  };

  const resumeOrCreateVisitor = async (c: Context, bot: Bot, body: StartSessionRequest, userAgent: string | null) => {
    const details = {
      ...(body.visitor?.name === undefined ? {} : { name: body.visitor.name }),
      ...(body.visitor?.email === undefined ? {} : { email: body.visitor.email }),
      ...(body.pageUrl === undefined ? {} : { pageUrl: body.pageUrl }),
      ...(body.locale === undefined ? {} : { locale: body.locale }),
      ...(body.variables === undefined ? {} : { variables: body.variables }),
      userAgent,
    };
    const known = body.visitorToken ? await findVisitorByToken(services.db, body.visitorToken) : undefined;
    if (known && known.bot_id === bot.id && body.visitorToken) {
      return { visitor: await updateVisitor(services.db, known, details), token: body.visitorToken };
    }
    enforce(c, await services.publicLimits.newVisitor(clientAddress(c, services.config.TRUST_PROXY)));
    return createVisitor(services.db, { botId: bot.id, ...details });
  };

  router.openapi(startRoute, async (c) => {
    const bot = await loadBot(c.req.valid('param').botId);
    checkBotOrigin(c, bot);
    const body = c.req.valid('json');
    const { visitor, token } = await resumeOrCreateVisitor(
      c,
      bot,
      body,
      c.req.header('user-agent')?.slice(0, 500) ?? null,
    );
    const scope = conversationScope(visitor);
    const scoped = scope ? await findConversation(services.db, scope) : undefined;
    const conversation =
      scoped ??
      (await latestVisitorConversation(services.db, visitor.id)) ??
      (await services.conversations.start(bot, visitor, startVariables(visitor), publicChannel(c)));
    return c.json(
      {
        visitorToken: token,
        visitorId: visitor.id,
        conversation: await services.visitorView(conversation),
        settings: await widgetSettings(services, bot),
      },
      200,
    );
  });

  router.openapi(settingsRoute, async (c) => {
    const bot = await loadBot(c.req.valid('param').botId);
    checkBotOrigin(c, bot);
    return c.json({ settings: await widgetSettings(services, bot) }, 200);
  });
  return router;
}
