import type { HandoffEffectRequest } from '@flowdesk/engine';
import { type HumanHandoffData, interpolate } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Conversation, Database } from '../db/schema';
import type { RuntimeModule } from '../modules';
import type { HandoffOutcomeAnswer } from '../services/hooks';
import { decideHandoff, widgetAvailability } from './availability';
import { queueContactFollowUp } from './contact-follow-up';
import type { OfflineWhen } from './handoff-outcome';
import { confirmationWithReplyTime } from './handoff-wording';
import { startNoAgentTimeouts } from './no-agent-timeout';
import { replyTimeWords } from './reply-time-query';
import { officeHoursRoutes } from './routes';

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

/**
 * Office hours: the Human Handoff block's outcome, the reply-time words and availability the widget shows,
 * the contact form's follow-up, the settings API and the no-agent timeouts of waiting handoffs.
 */
export const officeHoursModule: RuntimeModule = {
  name: 'office-hours',
  hooks: {
    handoffOutcome: (_services, trx, conversation, request) => handoffOutcomeHook(trx, conversation, request),
    onContactCaptured: (services, tx) => queueContactFollowUp(services, tx),
    replyTime: (_services, db, conversation) =>
      replyTimeWords(db, { workspaceId: conversation.workspace_id, teamId: conversation.team_id, now: new Date() }),
    widgetAvailability: async (_services, db, workspaceId) => {
      const { online, replyTime } = await widgetAvailability(db, { workspaceId, teamId: null, now: new Date() });
      return { online, replyTime };
    },
  },
  routes: (app, services) => {
    app.route('/', officeHoursRoutes(services));
  },
  start: (services) => startNoAgentTimeouts(services),
};
