import { type EmailContext, publicUrlOf, registerEmailHooks, startEmailService } from '../email';
import { startSummaryRecovery } from '../inbox/summary';
import { startKnowledgeRefresh } from '../knowledge/refresh-scheduler';
import { registerOfficeHoursHooks, startNoAgentTimeouts, widgetAvailability } from '../office-hours';
import type { Services } from '.';

/**
 * Plugs the feature areas into the core: office hours decide handoff outcomes and reply times; email
 * queues alerts and flow emails in the same transactions as their cause, and (unless turned off for
 * this instance) runs the outbox worker, stopped on close. The inbox installs its hooks with its routes.
 */
export function installAreas(services: Services, options: { emailWorker: boolean }) {
  registerOfficeHoursHooks(services);
  services.conversationHooks.widgetAvailability = async (db, workspaceId) => {
    const { online, replyTime } = await widgetAvailability(db, { workspaceId, teamId: null, now: new Date() });
    return { online, replyTime };
  };
  const email = options.emailWorker ? startEmailService(services) : null;
  // Handoff blocks' no_agent_timeout output and summaries lost in a crash; run beside the email worker
  // (safe on several instances).
  if (options.emailWorker) {
    startNoAgentTimeouts(services);
    startSummaryRecovery(services);
    startKnowledgeRefresh(services);
  }
  const context = (): EmailContext => ({ publicUrl: publicUrlOf(services.config), now: new Date() });
  registerEmailHooks(services, { context: email?.context ?? context, kick: () => email?.loop.kick() });
}
