import { createRoute } from '@hono/zod-openapi';
import { findBotById } from '../../../bots/repository';
import { widgetSettings } from '../../../bots/widget-settings';
import type { Services } from '../../../services';
import { createRouter } from '../../env';
import { notFound } from '../../errors';
import { checkBotOrigin } from '../../middleware/public-cors';
import { errorsOf, jsonResponse } from '../../schemas';
import { BotIdParam, PublicSchemas } from './schemas';

/** Browsers and shared caches may keep the launcher settings this long (a dashboard change shows within it). */
export const WIDGET_SETTINGS_MAX_AGE = 60;

const launcherRoute = createRoute({
  method: 'get',
  path: '/api/public/bots/{botId}/widget',
  tags: ['Widget'],
  summary: "The launcher's settings before any session: bot name, theme, texts, availability",
  description:
    'No visitor token. Cacheable for 60 s (`Cache-Control: public, max-age=60`, varies by Origin); ' +
    "answered with CORS headers only for the bot's allowed origins (403 for another site).",
  request: { params: BotIdParam },
  responses: {
    200: jsonResponse(PublicSchemas.WidgetLauncherResponse, 'Launcher settings'),
    ...errorsOf(400, 403, 404, 429),
  },
});

export function publicWidgetRoutes(services: Services) {
  const router = createRouter();
  router.openapi(launcherRoute, async (c) => {
    const bot = await findBotById(services.db, c.req.valid('param').botId);
    if (!bot) throw notFound('Bot');
    checkBotOrigin(c, bot);
    const { botName, theme, strings, online } = await widgetSettings(services, bot);
    c.header('Cache-Control', `public, max-age=${WIDGET_SETTINGS_MAX_AGE}`);
    c.header('Vary', 'Origin');
    return c.json({ settings: { botName, theme, strings, online } }, 200);
  });
  return router;
}
