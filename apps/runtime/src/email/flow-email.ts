import { createHash } from 'node:crypto';
import type { EmailEffectRequest } from '@flowdesk/engine';
import type { Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import type { HandoffContext } from '../services/hooks';
import type { EmailContext } from './compose';
import { queueFlowEmail } from './visitor-mail';

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
