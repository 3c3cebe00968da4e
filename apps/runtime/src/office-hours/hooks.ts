import type { HandoffEffectRequest } from '@flowdesk/engine';
import { type HumanHandoffData, interpolate } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import type { HandoffOutcomeAnswer } from '../services/hooks';
import { decideHandoff } from './availability';
import type { OfflineWhen } from './handoff-outcome';
import { confirmationWithReplyTime } from './handoff-wording';

const OFFLINE_WHEN: Record<HumanHandoffData['offlineWhen'], OfflineWhen> = {
  outside_hours: { outsideHours: true, noAgentOnline: false },
  no_agents_online: { outsideHours: false, noAgentOnline: true },
  both: { outsideHours: true, noAgentOnline: true },
};

export { replyTimeSentence } from './handoff-wording';

/**
 * The Human Handoff block's output from the target team's (else the workspace's) office hours and who
 * is online, with the block's own `offlineWhen`. The visitor's message gains the expected reply time,
 * or when the office opens again.
 */
export async function handoffOutcomeHook(
  trx: Kysely<Database>,
  conversation: Conversation,
  request: HandoffEffectRequest,
  now = new Date(),
): Promise<HandoffOutcomeAnswer> {
  const settings = request.settings;
  const decision = await decideHandoff(trx, {
    workspaceId: conversation.workspace_id,
    teamId: settings.teamId ?? conversation.team_id,
    offlineWhen: OFFLINE_WHEN[settings.offlineWhen],
    now,
  });
  const variables = request.variables as Record<string, unknown>;
  if (decision.outcome === 'handed_off') {
    const confirmation = interpolate(settings.confirmationMessage, variables);
    return { outcome: 'handed_off', message: confirmationWithReplyTime(confirmation, decision.replyTime) };
  }
  const offline = interpolate(settings.offlineMessage, variables);
  const opens = decision.hours.startsWith('Opens') ? ` ${decision.hours}.` : '';
  return { outcome: 'offline', message: `${offline}${opens}`, followUp: decision.followUp };
}
