import { createHash } from 'node:crypto';
import type { EmailEffectRequest } from '@flowdesk/engine';
import type { Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import type { RuntimeModule } from '../modules';
import type { Services } from '../services';
import type { HandoffContext } from '../services/hooks';
import type { EmailContext } from './compose';
import { type ContinuitySettings, preferEmail, queueVisitorReply } from './continuity/visitor-reply';
import { notifyNeedsAttention } from './notifications';
import { emailRoutes } from './routes';
import { kickEmailWorker, publicUrlOf, startEmailService } from './service';
import { queueFlowEmail, queueTranscript } from './visitor-mail';

/** Stable per step and content, so the same Send email block in the same step is stored once. */
export function flowEmailKey(conversation: Pick<Conversation, 'id' | 'last_seq'>, email: EmailEffectRequest) {
  const digest = createHash('sha256').update(`${email.to}\n${email.subject}\n${email.body}`).digest('hex');
  return `flow_email:${conversation.id}:${conversation.last_seq}:${digest.slice(0, 24)}`;
}

export async function sendFlowEmail(
  trx: Kysely<Database>,
  ctx: EmailContext,
  conversation: Conversation,
  email: EmailEffectRequest,
): Promise<void> {
  const bot = await trx.selectFrom('bots').select('name').where('id', '=', conversation.bot_id).executeTakeFirst();
  await queueFlowEmail(trx, ctx, {
    workspaceId: conversation.workspace_id,
    conversationId: conversation.id,
    to: email.to,
    subject: email.subject,
    body: email.body,
    botName: bot?.name ?? 'Our assistant',
    idempotencyKey: flowEmailKey(conversation, email),
  });
}

/** A takeover means an agent is already there: nobody needs alerting. */
export const alertsOnHandoff = (context: HandoffContext) => context.reason !== 'takeover';

const contextOf = (services: Services): EmailContext => ({ publicUrl: publicUrlOf(services.config), now: new Date() });

function continuityOf(services: Services): ContinuitySettings {
  const publicUrl = publicUrlOf(services.config);
  return {
    publicUrl,
    replyDomain: services.config.EMAIL_REPLY_DOMAIN,
    graceMs: services.config.EMAIL_REPLY_GRACE_MS,
    continuePageUrl: services.config.EMAIL_CONTINUE_URL ?? `${publicUrl}/demo`,
    continueLinkDays: services.config.CONTINUE_LINK_DAYS,
  };
}

/**
 * Email: "needs attention" emails in the handoff transaction, the visitor's transcript on resolve (when the
 * workspace turned it on), agent replies the visitor missed, and the flow's Send email block, all through
 * the outbox; the worker (`start`) sends them, kicked right after the commit instead of at its next poll.
 */
export const emailModule: RuntimeModule = {
  name: 'email',
  hooks: {
    onHandoff: async (services, tx, context) => {
      if (!alertsOnHandoff(context)) return;
      await notifyNeedsAttention(tx.trx, contextOf(services), tx.conversation.id);
      tx.afterCommit(() => kickEmailWorker(services));
    },
    onResolved: async (services, tx) => {
      if (await queueTranscript(tx.trx, contextOf(services), tx.conversation.id))
        tx.afterCommit(() => kickEmailWorker(services));
    },
    // The burst is due after the grace period; the loop's next poll after that sends it.
    onAgentReply: (services, tx, message) => queueVisitorReply(tx, message, continuityOf(services)),
    onContactCaptured: (_services, tx) => preferEmail(tx.trx, tx.conversation.id),
    sendEmail: (services, trx, conversation, request) => sendFlowEmail(trx, contextOf(services), conversation, request),
  },
  routes: (app, services) => {
    app.route('/', emailRoutes(services));
  },
  start: (services) => {
    startEmailService(services);
  },
};
