import type { RuntimeModule } from '../modules';
import { widgetAvailability } from './availability';
import { queueContactFollowUp } from './contact-follow-up';
import { handoffOutcomeHook } from './hooks';
import { startNoAgentTimeouts } from './no-agent-timeout';
import { replyTimeWords } from './reply-time-query';
import { officeHoursRoutes } from './routes';

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
