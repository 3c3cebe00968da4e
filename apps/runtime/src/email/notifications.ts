import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/schema';
import { type ConversationFacts, conversationFacts, type EmailContext, queueForUser } from './compose';
import { readNotificationSettings } from './notification-settings';
import { type EnqueueResult, handoffAlertThrottleKey } from './outbox';
import { assignedRecipients, mentionRecipients, needsAttentionRecipients, teamAssignedRecipients } from './recipients';

/**
 * Event → emails. Call each inside the transaction that records the event; every email lands in the
 * outbox of that transaction. Each returns one result per recipient (queued, duplicate, throttled…).
 */
export interface Notified {
  userId: string;
  result: EnqueueResult;
}

/** Queues the emails one event calls for, in the transaction `trx` that records it. */
type Notifier<Event> = (trx: Kysely<Database>, ctx: EmailContext, event: Event) => Promise<Notified[]>;

async function each(users: User[], queue: (user: User) => Promise<EnqueueResult>): Promise<Notified[]> {
  const out: Notified[] = [];
  for (const user of users) out.push({ userId: user.id, result: await queue(user) });
  return out;
}

async function factsOrThrow(trx: Kysely<Database>, ctx: EmailContext, conversationId: string) {
  const facts = await conversationFacts(trx, conversationId, ctx.publicUrl);
  if (!facts) throw new Error(`Conversation ${conversationId} not found`);
  return facts;
}

const alertThrottle = (facts: ConversationFacts, throttleMinutes: number) => (user: User) => ({
  key: handoffAlertThrottleKey(facts.id, user.email),
  intervalMs: throttleMinutes * 60_000,
});

/**
 * A handoff: tell the team (or all agents) that a conversation needs agent intervention. The assignee,
 * if routing already picked one, gets "assigned to you" instead.
 */
export const notifyNeedsAttention: Notifier<string> = async (trx, ctx, conversationId) => {
  const facts = await factsOrThrow(trx, ctx, conversationId);
  const settings = await readNotificationSettings(trx, facts.workspaceId);
  const users = (await needsAttentionRecipients(trx, facts, settings)).filter((u) => u.id !== facts.assigneeId);
  const throttle = alertThrottle(facts, settings.throttleMinutes);
  return each(users, (user) =>
    queueForUser(trx, ctx, 'needs_attention', facts, user, facts, { throttle: throttle(user) }),
  );
};

export interface AssignmentEvent {
  conversationId: string;
  /** Who assigned (null: automatic routing). They are never emailed about their own action. */
  assignedById: string | null;
  /** Id of the recorded event, so retrying the same event cannot queue a second email. */
  eventId?: string;
}

async function actorName(trx: Kysely<Database>, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await trx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? null;
}

export const notifyAssigned: Notifier<AssignmentEvent & { assigneeId: string }> = async (trx, ctx, event) => {
  const facts = await factsOrThrow(trx, ctx, event.conversationId);
  const users = await assignedRecipients(trx, facts.workspaceId, event.assigneeId, event.assignedById);
  const assignedBy = await actorName(trx, event.assignedById);
  const eventId = event.eventId ?? randomUUID();
  return each(users, (user) =>
    queueForUser(trx, ctx, 'assigned_to_you', { ...facts, assignedBy }, user, facts, {
      idempotencyKey: `assigned_to_you:${eventId}:${user.id}`,
    }),
  );
};

export const notifyTeamAssigned: Notifier<AssignmentEvent & { teamId: string }> = async (trx, ctx, event) => {
  const facts = await factsOrThrow(trx, ctx, event.conversationId);
  const team = await trx.selectFrom('teams').select('name').where('id', '=', event.teamId).executeTakeFirst();
  if (!team) return [];
  const users = (await teamAssignedRecipients(trx, event.teamId, event.assignedById)).filter(
    (u) => u.id !== facts.assigneeId,
  );
  const eventId = event.eventId ?? randomUUID();
  const throttle = alertThrottle(facts, (await readNotificationSettings(trx, facts.workspaceId)).throttleMinutes);
  return each(users, (user) =>
    queueForUser(trx, ctx, 'assigned_to_team', { ...facts, teamName: team.name }, user, facts, {
      idempotencyKey: `assigned_to_team:${eventId}:${user.id}`,
      throttle: throttle(user),
    }),
  );
};

export interface MentionEvent {
  conversationId: string;
  /** The note's message id: one email per note per mentioned user. */
  noteId: string;
  authorId: string;
  noteText: string;
  mentionedUserIds: string[];
}

export const notifyMentioned: Notifier<MentionEvent> = async (trx, ctx, event) => {
  const facts = await factsOrThrow(trx, ctx, event.conversationId);
  const users = await mentionRecipients(trx, facts.workspaceId, event.mentionedUserIds, event.authorId);
  const authorName = (await actorName(trx, event.authorId)) ?? 'A teammate';
  return each(users, (user) =>
    queueForUser(trx, ctx, 'mentioned', { ...facts, authorName, noteText: event.noteText }, user, facts, {
      idempotencyKey: `mentioned:${event.noteId}:${user.id}`,
    }),
  );
};
