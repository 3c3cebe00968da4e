import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { Database, Json, JsonObject, NullableJson, NullableTimestamp, Timestamp } from '../db/schema';

/** Migration 0202_email_render: the template props and unsubscribe link of an email rendered again at send time. */
export interface RenderAgain {
  props: JsonObject;
  unsubscribeUrl: string;
}

/** `cancelled`: a reply email dropped before sending because the visitor read the reply live (0510). */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
/** A nullable column the insert may leave out. */
type OptionalText = ColumnType<string | null, string | null | undefined, string | null>;

export interface EmailOutboxTable {
  id: string;
  workspace_id: string | null;
  kind: string;
  to_address: string;
  recipient_user_id: string | null;
  conversation_id: string | null;
  subject: string;
  html: string;
  text: string;
  /** Extra mail headers, e.g. List-Unsubscribe. */
  headers: Json<Record<string, string>>;
  /** Conversation emails: rendered again before sending, with the conversation's current summary and priority. */
  render: NullableJson<RenderAgain>;
  idempotency_key: string;
  /** Migration 0510: a From of its own (a conversation's reply address); null: the configured EMAIL_FROM. */
  from_address: OptionalText;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  /** While `sending`: the claim lease; a row whose lease ran out is claimed again (worker crash). */
  locked_until: NullableTimestamp;
  last_error: OptionalText;
  provider_id: OptionalText;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface EmailThrottleTable {
  key: string;
  last_at: Timestamp;
}

export interface MailboxTable {
  id: string;
  outbox_id: string;
  workspace_id: string | null;
  from_address: string;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface NotificationPreferencesTable {
  user_id: string;
  event: string;
  enabled: boolean;
  updated_at: Timestamp;
}

export interface NotificationSettingsTable {
  workspace_id: string;
  settings: Json<JsonObject>;
  updated_at: Timestamp;
}

export interface EmailUnsubscribesTable {
  address: string;
  /** An email kind, or `all`. */
  kind: string;
  created_at: Timestamp;
}

export interface EmailSecretsTable {
  name: string;
  secret: string;
}

/** Tables added by migrations 0200_email and 0202_email_render. */
export type EmailTables = {
  email_outbox: EmailOutboxTable;
  email_throttle: EmailThrottleTable;
  mailbox: MailboxTable;
  notification_preferences: NotificationPreferencesTable;
  notification_settings: NotificationSettingsTable;
  email_unsubscribes: EmailUnsubscribesTable;
  email_secrets: EmailSecretsTable;
};

export type EmailDatabase = Database & EmailTables;
export type OutboxRow = Selectable<EmailOutboxTable>;
export type MailboxRow = Selectable<MailboxTable>;

/** The core handle (or a transaction on it) seen with the email tables. */
export function emailDb(db: Kysely<Database>): Kysely<EmailDatabase> {
  return db.$extendTables<EmailTables>() as Kysely<EmailDatabase>;
}
