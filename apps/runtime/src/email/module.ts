import type { RuntimeModule } from '../modules';
import type { Services } from '../services';
import type { EmailContext } from './compose';
import { type ContinuitySettings, preferEmail, queueVisitorReply, replyReach } from './continuity/visitor-reply';
import { alertsOnHandoff, sendFlowEmail } from './flow-email';
import { notifyNeedsAttention } from './notifications';
import { emailRoutes } from './routes';
import { kickEmailWorker, publicUrlOf, startEmailService } from './service';
import { queueTranscript } from './visitor-mail';

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
    visitorReach: replyReach,
  },
  routes: (app, services) => {
    app.route('/', emailRoutes(services));
  },
  start: (services) => {
    startEmailService(services);
  },
};
