import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { EmailContext } from '../email/compose';
import { notifyAssigned, notifyMentioned, notifyTeamAssigned } from '../email/notifications';
import type { Services } from '../services';

/** Email notifications for inbox actions, queued in the caller's transaction through the email outbox. */
export function emailContext(services: Services): EmailContext {
  return { publicUrl: services.config.PUBLIC_URL ?? `http://${services.config.HOST}:${services.config.PORT}` };
}

export async function notifyAssignment(
  trx: Kysely<Database>,
  services: Services,
  event: {
    conversationId: string;
    assignedById: string | null;
    eventId: string;
    assigneeId?: string | null;
    teamId?: string | null;
  },
) {
  const ctx = emailContext(services);
  const base = { conversationId: event.conversationId, assignedById: event.assignedById, eventId: event.eventId };
  if (event.assigneeId) await notifyAssigned(trx, ctx, { ...base, assigneeId: event.assigneeId });
  if (event.teamId) await notifyTeamAssigned(trx, ctx, { ...base, teamId: event.teamId });
}

export async function notifyMentions(
  trx: Kysely<Database>,
  services: Services,
  event: { conversationId: string; noteId: string; authorId: string; noteText: string; mentionedUserIds: string[] },
) {
  if (event.mentionedUserIds.length === 0) return;
  await notifyMentioned(trx, emailContext(services), event);
}
