import { z } from '@hono/zod-openapi';
import { findBotById } from '../../../bots/repository';
import { loadMessages } from '../../../repositories/messages';
import { conversationScope, moveScope } from '../../../repositories/visitor-scope';
import { setVisitorContact } from '../../../repositories/visitors';
import type { Services } from '../../../services';
import { withConversation } from '../../../services/conversation-tx';
import { createRouter } from '../../env';
import { notFound } from '../../errors';
import { bearerToken, requireVisitor, visitorConversation } from '../../middleware/visitor-auth';
import { errorsOf, jsonBody, jsonResponse, routesUnder } from '../../schemas';
import { publicChannel } from './channel';
import { ConversationIdParam, PublicSchemas, visitorSecurity } from './schemas';
import { startVariables } from './sessions';

const base = '/api/public/conversations';
const HistoryQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

const route = routesUnder(base, 'Widget');
const sendRoute = route('post', '/{id}/messages', {
  summary: 'Send a visitor message (idempotent on clientId); returns the bot replies of the same step',
  security: visitorSecurity,
  request: { params: ConversationIdParam, body: jsonBody(PublicSchemas.SendMessageRequest) },
  responses: {
    200: jsonResponse(PublicSchemas.SendMessageResponse, 'Already stored (same clientId)'),
    201: jsonResponse(PublicSchemas.SendMessageResponse, 'Stored'),
    ...errorsOf(400, 401, 404, 413, 429),
  },
});
const historyRoute = route('get', '/{id}/messages', {
  summary: 'Messages after a sequence number, oldest first',
  security: visitorSecurity,
  request: { params: ConversationIdParam, query: HistoryQuery },
  responses: { 200: jsonResponse(PublicSchemas.MessagesPage, 'Messages'), ...errorsOf(400, 401, 404, 429) },
});
const contactRoute = route('post', '/{id}/contact', {
  summary: 'Leave an email (e.g. when nobody is available) so the team can answer later',
  security: visitorSecurity,
  request: { params: ConversationIdParam, body: jsonBody(PublicSchemas.ContactRequest) },
  responses: { 200: jsonResponse(PublicSchemas.ConversationResponse, 'Saved'), ...errorsOf(400, 401, 404, 429) },
});
const newConversationRoute = route('post', '', {
  summary: 'Start a fresh conversation for this visitor (e.g. after one was resolved)',
  security: visitorSecurity,
  responses: { 201: jsonResponse(PublicSchemas.ConversationResponse, 'Started'), ...errorsOf(401, 429) },
});

export function publicConversationRoutes(services: Services) {
  const router = createRouter();

  router.openapi(sendRoute, async (c) => {
    const visitor = await requireVisitor(c, services);
    const { clientId, content } = c.req.valid('json');
    // visitorMessage locks the conversation and answers 404 when it is not this visitor's.
    const result = await services.conversations.visitorMessage(c.req.valid('param').id, visitor, {
      clientId,
      content,
      channel: publicChannel(c),
    });
    const body = {
      message: result.message.message,
      replies: result.replies.filter((entry) => !entry.internal).map((entry) => entry.message),
      conversation: await services.visitorView(result.conversation),
    };
    return result.duplicate ? c.json(body, 200) : c.json(body, 201);
  });

  router.openapi(historyRoute, async (c) => {
    const visitor = await requireVisitor(c, services);
    const conversation = await visitorConversation(services, visitor, c.req.valid('param').id);
    const { after, limit } = c.req.valid('query');
    const messages = await loadMessages(services.db, conversation.id, {
      afterSeq: after,
      limit,
      includeInternal: false,
    });
    return c.json(
      { messages: messages.map((entry) => entry.message), conversation: await services.visitorView(conversation) },
      200,
    );
  });

  router.openapi(contactRoute, async (c) => {
    const visitor = await requireVisitor(c, services);
    const conversation = await visitorConversation(services, visitor, c.req.valid('param').id);
    const { email, name } = c.req.valid('json');
    const updated = await withConversation(services, conversation.id, async (tx) => {
      await setVisitorContact(tx.trx, visitor.id, { email, name });
      await tx.append([
        {
          author: 'system',
          content: { type: 'event', kind: 'email_captured', text: `We will reply to ${email}.`, data: { email } },
        },
      ]);
      for (const hook of services.conversationHooks.onContactCaptured)
        await hook(services, tx, { email, name: name ?? null });
      return tx.conversation;
    });
    return c.json({ conversation: await services.visitorView(updated) }, 200);
  });

  router.openapi(newConversationRoute, async (c) => {
    const visitor = await requireVisitor(c, services);
    const bot = await findBotById(services.db, visitor.bot_id);
    if (!bot) throw notFound('Bot');
    const conversation = await services.conversations.start(bot, visitor, startVariables(visitor), publicChannel(c));
    // A token from an email's link opens one conversation: from now on, this new one.
    if (conversationScope(visitor)) await moveScope(services.db, visitor, bearerToken(c) ?? '', conversation.id);
    return c.json({ conversation: await services.visitorView(conversation) }, 201);
  });
  return router;
}
