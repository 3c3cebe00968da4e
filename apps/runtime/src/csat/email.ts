import { THUMBS_DOWN, THUMBS_UP } from '@flowdesk/contract';
import { type EmailContext, queueTemplate } from '../email';
import { isVisitorConnected, visitorStaleMs } from '../realtime/visitor-presence';
import type { Services } from '../services';
import type { ConversationTx } from '../services/conversation-tx';
import { ratingLinks } from './link';
import { currentSurvey } from './survey';
import { csatDb } from './tables';

/**
 * In the resolving transaction: a visitor with a known email and no widget open gets the rating request
 * by email (the durable outbox; unsubscribed addresses are skipped there), once per survey.
 */
export async function queueRatingEmail(services: Services, tx: ConversationTx, ctx: EmailContext): Promise<boolean> {
  const survey = await currentSurvey(tx.trx, tx.conversation);
  if (!survey || survey.emailed || survey.score !== null) return false;
  const row = await tx.trx
    .selectFrom('conversations as c')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .innerJoin('bots as b', 'b.id', 'c.bot_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .select(['v.id as visitor_id', 'v.email', 'b.name as bot_name', 'u.name as agent_name'])
    .where('c.id', '=', tx.conversation.id)
    .executeTakeFirst();
  if (!row?.email) return false;
  if (await isVisitorConnected(tx.trx, row.visitor_id, visitorStaleMs(services.config.WS_HEARTBEAT_MS))) return false;
  const now = ctx.now ?? new Date();
  const scores = survey.scale === 'thumbs' ? [THUMBS_UP, THUMBS_DOWN] : [5, 4, 3, 2, 1];
  const links = await ratingLinks(
    tx.trx,
    ctx.publicUrl,
    { id: survey.id, conversationId: survey.conversation_id },
    scores,
    now,
  );
  const queued = await queueTemplate(
    tx.trx,
    ctx,
    'csat_request',
    { botName: row.bot_name, agentName: row.agent_name, scale: survey.scale, links },
    { address: row.email, userId: null },
    { workspaceId: survey.workspace_id, conversationId: survey.conversation_id, idempotencyKey: `csat:${survey.id}` },
  );
  await csatDb(tx.trx).updateTable('csat_surveys').set({ emailed: true }).where('id', '=', survey.id).execute();
  return queued.status === 'queued';
}
