import { NotificationSettingsAnswer, PreferencesAnswer, PreferencesRequest } from '@flowdesk/contract';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ZodType } from 'zod';
import { createRouter } from '../http/env';
import { currentUser, requireAdmin, requireUser } from '../http/middleware/auth';
import { type errors, errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import type { Services } from '../services';
import { EMAIL_API_PREFIX } from './compose';
import { continuityRoutes } from './continuity/routes';
import { mailboxRoutes } from './mailbox-routes';
import {
  NotificationSettingsPatch,
  readNotificationSettings,
  writeNotificationSettings,
} from './notification-settings';
import { readPreferences, writePreferences } from './preferences';
import { applyUnsubscribe, KIND_WORDS, readUnsubscribeToken } from './unsubscribe';

const route = routesUnder(EMAIL_API_PREFIX, 'Email');

/** A document at `path` that a signed-in user reads (GET) and changes (PUT `body`, refused with `changeErrors`). */
function documentRoutes<
  P extends string,
  A extends ReturnType<typeof jsonResponse>,
  B extends ZodType,
  E extends Partial<typeof errors>,
>(path: P, document: { answer: A; read: string; change: string; body: B; changeErrors: E }) {
  return {
    read: route('get', path, { summary: document.read, responses: { 200: document.answer, ...errorsOf(401) } }),
    change: route('put', path, takes({ body: document.body }), {
      summary: document.change,
      responses: { 200: document.answer, ...document.changeErrors },
    }),
  };
}

const preferences = documentRoutes('/preferences', {
  answer: jsonResponse(PreferencesAnswer, 'Preferences'),
  read: 'My email notification preferences (each event on/off)',
  change: 'Turn my notification events on or off',
  body: PreferencesRequest,
  changeErrors: errorsOf(400, 401),
});
const settings = documentRoutes('/settings', {
  answer: jsonResponse(NotificationSettingsAnswer, 'Settings'),
  read: 'Workspace notification rules (recipients, throttle, unseen delay, SLA, transcripts)',
  change: 'Change workspace notification rules (admin)',
  body: NotificationSettingsPatch,
  changeErrors: errorsOf(400, 401, 403),
});

const TokenQuery = z.object({ token: z.string().min(10).max(2000) });

function page(c: Context, status: 200 | 400, title: string, body: ReturnType<typeof html>) {
  return c.html(
    html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#111827}
button{background:#111827;color:#fff;border:0;border-radius:6px;padding:.6rem 1rem;font-size:1rem;cursor:pointer}</style></head>
<body><h1>${title}</h1>${body}</body></html>`,
    status,
  );
}

function invalidLink(c: Context) {
  return page(
    c,
    400,
    'This link is not valid',
    html`<p>The unsubscribe link is broken or was changed. Use the link from the latest email.</p>`,
  );
}

/**
 * Email API: unsubscribe (public, signed token), my preferences, workspace notification settings, and the
 * admin mailbox/outbox views. Paths are absolute; mount with `app.route('/', emailRoutes(services))`.
 */
export function emailRoutes(services: Services) {
  const router = createRouter();
  const { db } = services;
  for (const path of ['preferences', 'settings', 'mailbox', 'mailbox/*', 'outbox', 'outbox/*']) {
    router.use(`${EMAIL_API_PREFIX}/${path}`, requireUser(services));
  }

  /** An unsubscribe link's token, what it claims and the words for the emails it stops; null when not valid. */
  const readLink = async (query: Record<string, unknown>) => {
    const parsed = TokenQuery.safeParse(query);
    if (!parsed.success) return null;
    const { token } = parsed.data;
    const claim = await readUnsubscribeToken(db, token);
    return claim && { token, claim, words: KIND_WORDS[claim.kind] ?? claim.kind };
  };

  // GET only shows a button: mail scanners follow links, and must not unsubscribe anyone.
  router.get(`${EMAIL_API_PREFIX}/unsubscribe`, async (c) => {
    const link = await readLink(c.req.query());
    if (!link) return invalidLink(c);
    return page(
      c,
      200,
      'Unsubscribe',
      html`<p>Stop sending ${link.words} to <strong>${link.claim.address}</strong>?</p>
<form method="post"><input type="hidden" name="token" value="${link.token}"><button type="submit">Unsubscribe</button></form>`,
    );
  });

  // Form button and RFC 8058 one-click (List-Unsubscribe-Post) both land here; the token is the credential.
  router.post(`${EMAIL_API_PREFIX}/unsubscribe`, async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = c.req.query('token') ?? (typeof form.token === 'string' ? form.token : undefined);
    const link = await readLink({ token });
    if (!link) return invalidLink(c);
    await applyUnsubscribe(db, link.claim);
    return page(
      c,
      200,
      'You are unsubscribed',
      html`<p>We will not send ${link.words} to <strong>${link.claim.address}</strong> any more.</p>`,
    );
  });

  router.openapi(preferences.read, async (c) =>
    c.json({ preferences: await readPreferences(db, currentUser(c).id) }, 200),
  );
  router.openapi(preferences.change, async (c) => {
    const preferences = await writePreferences(db, currentUser(c).id, c.req.valid('json').preferences);
    return c.json({ preferences }, 200);
  });
  router.openapi(settings.read, async (c) =>
    c.json({ settings: await readNotificationSettings(db, currentUser(c).workspaceId) }, 200),
  );
  router.openapi(settings.change, async (c) => {
    const user = requireAdmin(c);
    return c.json({ settings: await writeNotificationSettings(db, user.workspaceId, c.req.valid('json')) }, 200);
  });
  router.route('/', mailboxRoutes(services));
  router.route('/', continuityRoutes(services));
  return router;
}
