import type { Generated, Kysely } from 'kysely';
import type { Database, Json, Timestamp } from '../../db/schema';

/** Migration 0510: per conversation, whether the visitor asked for email and the last agent message emailed. */
export interface ConversationEmailRepliesTable {
  conversation_id: string;
  prefer_email: Generated<boolean>;
  last_emailed_seq: Generated<number>;
  updated_at: Timestamp;
}

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
}

/** One inbound email event, stored once per provider event id (a replayed webhook finds its row). */
export interface InboundEmailsTable {
  id: string;
  event_id: string;
  provider_email_id: string | null;
  conversation_id: string | null;
  from_address: string;
  subject: string;
  text: string;
  attachments: Json<InboundAttachment[]>;
  received_at: Timestamp;
}

/** A visitor token from a "continue the chat" link: that visitor, that one conversation, until `expires_at`. */
export interface ConversationLinkTokensTable {
  token_hash: string;
  visitor_id: string;
  conversation_id: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export type ContinuityTables = {
  conversation_email_replies: ConversationEmailRepliesTable;
  inbound_emails: InboundEmailsTable;
  conversation_link_tokens: ConversationLinkTokensTable;
};

export function continuityDb(db: Kysely<Database>): Kysely<Database & ContinuityTables> {
  return db.$extendTables<ContinuityTables>() as Kysely<Database & ContinuityTables>;
}
