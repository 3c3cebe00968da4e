import {
  ContinueConversationRequest,
  ContinueConversationResponse,
  InboundAnswer,
  SimulatedInboundEmail,
} from '@flowdesk/contract';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Resend } from 'resend';
import { Webhook } from 'svix';
import { findBotById } from '../../bots/repository';
import { clientAddress } from '../../http/client-address';
import { createRouter } from '../../http/env';
import { ApiError, notFound } from '../../http/errors';
import { requireAdmin } from '../../http/middleware/auth';
import { checkBotOrigin } from '../../http/middleware/public-cors';
import { enforce } from '../../http/middleware/public-rate-limit';
import { errorsOf, jsonBody, jsonResponse } from '../../http/schemas';
import type { Services } from '../../services';
import { newId } from '../../services/secrets';
import { EMAIL_API_PREFIX } from '../compose';
import { exchangeContinueToken } from './continue-link';
import { conversationOfRecipients, type InboundResult, receiveInboundEmail, suppressBouncedAddress } from './inbound';
import { BouncedEvent, ReceivedEvent, WebhookEvent } from './webhook-events';

const simulateRoute = createRoute({
  method: 'post',
  path: `${EMAIL_API_PREFIX}/mailbox/inbound`,
  tags: ['Email'],
  summary: "Local mailbox: simulate the visitor's emailed reply to a conversation's reply address (admin)",
  request: { body: jsonBody(SimulatedInboundEmail) },
  responses: { 200: jsonResponse(InboundAnswer, 'Stored in the conversation'), ...errorsOf(400, 401, 403, 422) },
});

const continueRoute = createRoute({
  method: 'post',
  path: '/api/public/bots/{botId}/continue',
  tags: ['Widget'],
  summary: "Exchange an email's signed link for a visitor token that opens that one conversation",
  request: { params: z.object({ botId: z.string().min(1).max(100) }), body: jsonBody(ContinueConversationRequest) },
  responses: {
    200: jsonResponse(ContinueConversationResponse, 'Token for this browser'),
    ...errorsOf(400, 401, 403, 404, 429),
  },
});

const answer = (c: Context, result: InboundResult) => {
  if (result.status === 'unknown_address') {
    throw new ApiError(422, 'unknown_address', 'No conversation has this reply address');
  }
  return c.json({ status: result.status, conversationId: result.conversationId }, 200);
};

/** The body of a received email: Resend's webhook carries metadata only, the content is fetched by id. */
async function fetchReceived(services: Services, emailId: string) {
  const { RESEND_API_KEY: key, RESEND_BASE_URL: baseUrl } = services.config;
  if (!key) throw new ApiError(503, 'unavailable', 'RESEND_API_KEY is needed to read received emails');
  const resend = new Resend(key, baseUrl ? { baseUrl } : undefined);
  const { data, error } = await resend.emails.receiving.get(emailId, {}, { signal: AbortSignal.timeout(10_000) });
  // Answered 503 so that Resend delivers the event again later (its webhooks retry non-2xx answers).
  if (error || !data) throw new ApiError(503, 'unavailable', `Could not read the received email: ${error?.message}`);
  return data;
}

/**
 * Email continuity routes: Resend's signed inbound webhook (`email.received` replies into their
 * conversation, `email.bounced` suppresses the address), the local mailbox's simulated reply, and the
 * widget's exchange of a "continue the chat" link.
 */
export function continuityRoutes(services: Services) {
  const router = createRouter();
  const domain = () => services.config.EMAIL_REPLY_DOMAIN;

  router.post(`${EMAIL_API_PREFIX}/inbound`, async (c) => {
    const secret = services.config.RESEND_WEBHOOK_SECRET;
    if (!secret) throw new ApiError(403, 'not_configured', 'Set RESEND_WEBHOOK_SECRET to receive inbound email');
    const raw = await c.req.text();
    const headers = {
      'svix-id': c.req.header('svix-id') ?? '',
      'svix-timestamp': c.req.header('svix-timestamp') ?? '',
      'svix-signature': c.req.header('svix-signature') ?? '',
    };
    try {
      new Webhook(secret).verify(raw, headers);
    } catch {
      throw new ApiError(401, 'invalid_signature', 'The webhook signature does not verify');
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ApiError(400, 'invalid_event', 'The event is not JSON');
    }
    const event = WebhookEvent.safeParse(json);
    if (!event.success) throw new ApiError(400, 'invalid_event', 'Not a Resend webhook event');
    if (event.data.type === 'email.bounced') {
      const bounced = BouncedEvent.safeParse(json);
      if (!bounced.success) throw new ApiError(400, 'invalid_event', 'Malformed email.bounced event');
      const hard = (bounced.data.data.bounce?.type ?? 'Permanent') === 'Permanent';
      if (hard) for (const address of bounced.data.data.to) await suppressBouncedAddress(services.db, address);
      return c.json({ status: hard ? 'suppressed' : 'ignored', conversationId: null }, 200);
    }
    if (event.data.type !== 'email.received') return c.json({ status: 'ignored', conversationId: null }, 200);
    const received = ReceivedEvent.safeParse(json);
    if (!received.success) throw new ApiError(400, 'invalid_event', 'Malformed email.received event');
    const meta = received.data.data;
    const recipients = [...meta.to, ...(meta.cc ?? []), ...(meta.received_for ?? [])];
    // Refused before the content is fetched: a forged or unknown address costs no call to Resend.
    if (!(await conversationOfRecipients(services.db, recipients, domain()))) {
      throw new ApiError(422, 'unknown_address', 'No conversation has this reply address');
    }
    const body = await fetchReceived(services, meta.email_id);
    const result = await receiveInboundEmail(
      services,
      {
        eventId: headers['svix-id'],
        providerEmailId: meta.email_id,
        recipients,
        from: body.from ?? meta.from,
        subject: body.subject ?? meta.subject,
        text: body.text,
        html: body.html,
        attachments: (body.attachments ?? []).map((a) => ({
          filename: a.filename ?? 'attachment',
          contentType: a.content_type,
          size: a.size,
        })),
      },
      domain(),
    );
    return answer(c, result);
  });

  router.openapi(simulateRoute, async (c) => {
    const user = requireAdmin(c);
    const input = c.req.valid('json');
    const conversationId = await conversationOfRecipients(services.db, [input.to], domain());
    const conversation = conversationId
      ? await services.db
          .selectFrom('conversations')
          .select('workspace_id')
          .where('id', '=', conversationId)
          .executeTakeFirst()
      : undefined;
    if (!conversation || conversation.workspace_id !== user.workspaceId) {
      throw new ApiError(422, 'unknown_address', 'No conversation has this reply address');
    }
    const result = await receiveInboundEmail(
      services,
      {
        eventId: `local:${newId()}`,
        providerEmailId: null,
        recipients: [input.to],
        from: input.from,
        subject: input.subject,
        text: input.text,
        html: null,
        attachments: input.attachments,
      },
      domain(),
    );
    return answer(c, result) as never;
  });

  router.openapi(continueRoute, async (c) => {
    const { botId } = c.req.valid('param');
    const bot = await findBotById(services.db, botId);
    if (!bot) throw notFound('Bot');
    checkBotOrigin(c, bot);
    enforce(c, await services.publicLimits.newVisitor(clientAddress(c, services.config.TRUST_PROXY)));
    const result = await exchangeContinueToken(services.db, c.req.valid('json').token, bot.id, new Date());
    if ('visitorToken' in result) return c.json(result, 200);
    if (!result.ok && result.reason === 'expired') {
      throw new ApiError(401, 'link_expired', 'This link has expired; the latest email has a fresh one');
    }
    throw new ApiError(401, 'invalid_link', 'This link is not valid');
  });
  return router;
}
