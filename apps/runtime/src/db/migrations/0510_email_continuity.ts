import type { Kysely } from 'kysely';
import { belongsTo, CREATED_AT, createTable, ID, linkedTo, runStatements, UPDATED_AT } from '../ddl';

/**
 * Email continuity (issue 18 item 2): the visitor's open widget sockets (is the visitor here to read an
 * agent's reply?), a per-conversation record of what was emailed and whether the visitor asked for email,
 * inbound replies stored once per provider event, tokens of signed "continue the chat" links exchanged
 * for a visitor token scoped to one conversation, a per-row From address, and a `cancelled` outbox status
 * (a reply email dropped because the visitor came back and read it live).
 */
const statements = [
  createTable('visitor_connections', [
    ID,
    belongsTo('visitor_id', 'visitors'),
    'instance_id text not null',
    'last_seen timestamptz not null default now()',
  ]),
  'create index visitor_connections_visitor_idx on visitor_connections (visitor_id)',
  'create index visitor_connections_instance_idx on visitor_connections (instance_id)',
  createTable('conversation_email_replies', [
    'conversation_id text primary key references conversations(id) on delete cascade',
    'prefer_email boolean not null default false',
    'last_emailed_seq integer not null default 0',
    UPDATED_AT,
  ]),
  createTable('inbound_emails', [
    ID,
    'event_id text not null unique',
    'provider_email_id text',
    linkedTo('conversation_id', 'conversations'),
    'from_address text not null',
    'subject text not null',
    'text text not null',
    "attachments jsonb not null default '[]'",
    'received_at timestamptz not null default now()',
  ]),
  'create index inbound_emails_conversation_idx on inbound_emails (conversation_id)',
  createTable('conversation_link_tokens', [
    'token_hash text primary key',
    belongsTo('visitor_id', 'visitors'),
    belongsTo('conversation_id', 'conversations'),
    'expires_at timestamptz not null',
    CREATED_AT,
  ]),
  'create index conversation_link_tokens_expiry_idx on conversation_link_tokens (expires_at)',
  'alter table email_outbox add column from_address text',
  'alter table email_outbox drop constraint email_outbox_status_check',
  `alter table email_outbox add constraint email_outbox_status_check
    check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled'))`,
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
