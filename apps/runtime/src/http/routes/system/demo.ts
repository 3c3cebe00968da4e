import { embedSnippet } from '@flowdesk/widget/snippet';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { findBotById } from '../../../bots/repository';
import { DEMO_BOT_ID } from '../../../seed/demo';
import type { Services } from '../../../services';
import { sendError } from '../../errors';

/** A sample host page with the demo bot's embed snippet: what a customer's website looks like. */
export function demoRoutes(services: Services) {
  const router = new Hono();
  router.get('/demo', async (c) => {
    const botId = c.req.query('bot') ?? DEMO_BOT_ID;
    const bot = await findBotById(services.db, botId.slice(0, 100));
    if (!bot) return sendError(c, 404, 'not_found', 'No such bot; start with SEED_DEMO=true or pass ?bot=<id>');
    const runtimeUrl = services.config.PUBLIC_URL ?? new URL(c.req.url).origin;
    const theme = bot.settings.theme ?? {};
    const snippet = embedSnippet({
      botId: bot.id,
      runtimeUrl,
      extra: {
        ...(theme.primaryColor ? { theme: { primaryColor: theme.primaryColor } } : {}),
        ...(theme.position ? { position: theme.position } : {}),
      },
    });
    return c.html(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme — demo site with the ${bot.name} widget</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 32 32%22%3E%3Crect width=%2232%22 height=%2232%22 rx=%227%22 fill=%22%231e293b%22/%3E%3C/svg%3E">
<style>
body{font:16px/1.6 system-ui,sans-serif;margin:0;color:#1f2430;background:#f4f6fb}
header{background:#1e293b;color:#fff;padding:18px 32px;font-weight:600}
main{max-width:760px;margin:32px auto;padding:0 24px}
pre{background:#0f172a;color:#e2e8f0;padding:16px;border-radius:8px;overflow:auto;font-size:13px}
</style>
</head>
<body>
<header>Acme Chat — demo website</header>
<main>
<h1>Pricing that grows with you</h1>
<p>This page stands in for your own website. The chat button in the corner is the <b>${bot.name}</b> bot,
embedded with the snippet below. Ask about pricing, get technical help, or ask for a person and answer
from the inbox at <a href="/app/inbox">/app/inbox</a>.</p>
<h2>Embed code</h2>
<pre>${snippet}</pre>
</main>
${raw(snippet)}
</body>
</html>`);
  });
  return router;
}
