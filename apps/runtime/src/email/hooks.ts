import { createHash } from 'node:crypto';
import type { EmailEffectRequest } from '@flowdesk/engine';
import type { Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import type { Services } from '../services';
import type { HandoffContext } from '../services/hooks';
import type { EmailContext } from './compose';
import { type ContinuitySettings, preferEmail, queueVisitorReply } from './continuity/visitor-reply';
import { notifyNeedsAttention } from './notifications';
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

/**
 * Fills the runtime's extension points: "needs attention" emails in the handoff transaction, the
 * visitor's transcript on resolve (when the workspace turned it on) and the flow's Send email block
 * through the outbox. `context` comes from `startEmailService(...).context`;
 * `kick` (its loop's kick) sends right after the commit instead of at the next poll.
 */
export function registerEmailHooks(services: Services, email: { context: () => EmailContext; kick: () => void }) {
  services.handoffHooks.onHandoff.push(async (tx, context) => {
    if (!alertsOnHandoff(context)) return;
    await notifyNeedsAttention(tx.trx, email.context(), tx.conversation.id);
    tx.afterCommit(() => email.kick());
  });
  services.conversationHooks.onResolved.push(async (tx) => {
    if (await queueTranscript(tx.trx, email.context(), tx.conversation.id)) tx.afterCommit(() => email.kick());
  });
  const continuity = (): ContinuitySettings => {
    const publicUrl = email.context().publicUrl;
    return {
      publicUrl,
      replyDomain: services.config.EMAIL_REPLY_DOMAIN,
      graceMs: services.config.EMAIL_REPLY_GRACE_MS,
      continuePageUrl: services.config.EMAIL_CONTINUE_URL ?? `${publicUrl}/demo`,
      continueLinkDays: services.config.CONTINUE_LINK_DAYS,
    };
  };
  services.conversationHooks.onAgentReply.push(async (tx, message) => {
    await queueVisitorReply(tx, message, continuity());
    // The burst is due after the grace period; the loop's next poll after that sends it.
  });
  services.conversationHooks.onContactCaptured.push(async (tx) => {
    await preferEmail(tx.trx, tx.conversation.id);
  });
  services.conversationHooks.sendEmail = async (trx, conversation, request) => {
    await sendFlowEmail(trx, email.context(), conversation, request);
  };
}
