/** Readable words for the runtime's audit actions (see apps/runtime/src/audit/actions.ts). */
const ACTION_LABELS: Record<string, string> = {
  'flows.create': 'Created flow',
  'flows.draft': 'Saved flow draft',
  'flows.publish': 'Published flow',
  'flows.rollback': 'Rolled back flow',
  'flows.delete': 'Deleted flow',
  'bots.create': 'Created bot',
  'bots.update': 'Updated bot',
  'teams.create': 'Created team',
  'teams.update': 'Updated team',
  'teams.delete': 'Deleted team',
  'users.create': 'Created user',
  'users.update': 'Updated user',
  'users.delete': 'Deleted user',
  'invites.create': 'Invited a person',
  'invites.resend': 'Resent an invite',
  'invites.delete': 'Withdrew an invite',
  'office-hours.update': 'Updated office hours',
  'office-hours.delete': 'Cleared team office hours',
  'email.settings.update': 'Updated email settings',
  'email.outbox.retry': 'Retried email',
  'canned-responses.create': 'Created canned response',
  'canned-responses.update': 'Updated canned response',
  'canned-responses.delete': 'Deleted canned response',
  'ai.settings': 'Updated AI settings',
  'knowledge.create': 'Added knowledge source',
  'knowledge.update': 'Edited knowledge source',
  'knowledge.files': 'Uploaded knowledge file',
  'knowledge.reindex': 'Re-indexed knowledge source',
  'knowledge.delete': 'Deleted knowledge source',
};

/** The label of an action; an action this dashboard does not know yet shows as the runtime named it. */
export function actionLabel(action: string): string {
  return Object.hasOwn(ACTION_LABELS, action) ? (ACTION_LABELS[action] as string) : action;
}

/** Words for the request fields the runtime names (its API's camelCase keys), where plain splitting reads badly. */
const FIELD_LABELS: Record<string, string> = {
  allowedOrigins: 'allowed websites',
  avatarUrl: 'avatar',
  memberIds: 'members',
  isDefault: 'default team',
  offlineWhen: 'offline rules',
  flowId: 'flow',
};

/** A field as an admin reads it: "replyTime" → "reply time", "allowedOrigins" → "allowed websites". */
export function fieldLabel(field: string): string {
  if (Object.hasOwn(FIELD_LABELS, field)) return FIELD_LABELS[field] as string;
  return field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
