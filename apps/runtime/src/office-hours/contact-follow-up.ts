import type { Services } from '../services';
import type { ConversationTx } from '../services/conversation-tx';
import { followUpMark } from './follow-up-mark';

/**
 * The widget's contact form ("leave your email and we'll get back to you"): a conversation the bot still
 * holds (or one already resolved) enters the team's queue waiting for follow-up, exactly as an offline
 * handoff does (summary, priority, alerts). One already waiting for a person stays as it is; it now has
 * the contact on it.
 */
export async function queueContactFollowUp(services: Services, tx: ConversationTx): Promise<void> {
  const { status, workspace_id: workspaceId, team_id: teamId } = tx.conversation;
  if (status !== 'bot' && status !== 'resolved') return;
  const followUp = await followUpMark(tx.trx, { workspaceId, teamId, now: new Date() }, 'contact_form');
  await services.conversations.beginHandoff(tx, { reason: 'flow', blockId: null, settings: null, followUp });
}
