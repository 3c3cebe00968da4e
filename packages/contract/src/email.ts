import { z } from 'zod';

/** The dashboard's email APIs: my notification preferences, workspace notification settings, mailbox, outbox. */

export const PreferencesAnswer = z.object({ preferences: z.record(z.string(), z.boolean()) });
export type Preferences = z.infer<typeof PreferencesAnswer>['preferences'];

/** Agent notification events a user can switch on or off. */
export const NotificationEvent = z.enum([
  'needs_attention',
  'assigned_to_you',
  'assigned_to_team',
  'unseen_message',
  'mentioned',
  'sla_escalation',
]);
export type NotificationEvent = z.infer<typeof NotificationEvent>;
/** Events left out keep their setting. */
export const PreferencesPatch = z.partialRecord(NotificationEvent, z.boolean());
export type PreferencesPatch = z.infer<typeof PreferencesPatch>;
/** PUT /api/email/preferences. */
export const PreferencesRequest = z.object({ preferences: PreferencesPatch });
export type PreferencesRequest = z.input<typeof PreferencesRequest>;

export const NotificationSettings = z.object({
  /** `team`: members of the conversation's team (all agents when it has none); `all`: every agent. */
  needsAttentionTo: z.enum(['team', 'all']).default('team'),
  /** At most one needs-attention email per conversation per recipient in this many minutes. */
  throttleMinutes: z.number().int().min(1).max(1440).default(30),
  /** Email the assignee when a visitor message stays unanswered this long. */
  unseenAfterMinutes: z.number().int().min(1).max(1440).default(10),
  /** Escalate to admins when a handoff waits longer than this without a human reply. */
  slaMinutes: z.number().int().min(1).max(10_080).default(15),
  /** Email the visitor a transcript when the conversation is resolved (when their email is known). */
  transcriptOnResolve: z.boolean().default(false),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export const NotificationSettingsPatch = NotificationSettings.partial();
export type NotificationSettingsPatch = z.input<typeof NotificationSettingsPatch>;
export const NotificationSettingsAnswer = z.object({ settings: NotificationSettings });

export const MailSummary = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type MailSummary = z.infer<typeof MailSummary>;
export const MailFull = MailSummary.extend({ html: z.string() });
export const MailboxAnswer = z.object({ messages: z.array(MailSummary) });
export const MailAnswer = z.object({ message: MailFull });

export const OutboxStatus = z.enum(['pending', 'sending', 'sent', 'failed', 'cancelled']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** GET /api/email/mailbox (and /outbox): newest first; `before` pages to older rows. */
export const MailboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Only rows created before this instant (paging). */
  before: z.iso.datetime({ offset: true }).optional(),
});
export const OutboxQuery = MailboxQuery.extend({ status: OutboxStatus.optional() });
export const OutboxEmail = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: OutboxStatus,
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  providerId: z.string().nullable(),
  conversationId: z.string().nullable(),
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;
export const OutboxAnswer = z.object({ emails: z.array(OutboxEmail) });
export const OutboxEmailAnswer = z.object({ email: OutboxEmail });

/** POST /api/email/mailbox/inbound: what became of the simulated reply. */
export const InboundAnswer = z.object({
  status: z.enum(['stored', 'duplicate', 'ignored', 'suppressed']),
  conversationId: z.string().nullable(),
});
