import type { Kysely } from 'kysely';
import { belongsTo, CREATED_AT, createTable, ID, linkedTo, runStatements, UPDATED_AT } from '../ddl';

/** Email outbox, local mailbox, notification preferences/settings, unsubscribes and the signing secret. */
const statements = [
  createTable('email_outbox', [
    ID,
    'workspace_id text references workspaces(id) on delete cascade',
    'kind text not null',
    'to_address text not null',
    linkedTo('recipient_user_id', 'users'),
    linkedTo('conversation_id', 'conversations'),
    'subject text not null',
    'html text not null',
    'text text not null',
    "headers jsonb not null default '{}'",
    'idempotency_key text not null unique',
    "status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed'))",
    'attempts integer not null default 0',
    'next_attempt_at timestamptz not null default now()',
    'locked_until timestamptz',
    'last_error text',
    'provider_id text',
    CREATED_AT,
    'sent_at timestamptz',
  ]),
  "create index email_outbox_due_idx on email_outbox (next_attempt_at) where status in ('pending', 'sending')",
  'create index email_outbox_workspace_idx on email_outbox (workspace_id, created_at desc)',
  createTable('email_throttle', ['key text primary key', 'last_at timestamptz not null']),
  createTable('mailbox', [
    ID,
    'outbox_id text not null unique references email_outbox(id) on delete cascade',
    'workspace_id text references workspaces(id) on delete cascade',
    'from_address text not null',
    'to_address text not null',
    'subject text not null',
    'html text not null',
    'text text not null',
    CREATED_AT,
    'read_at timestamptz',
  ]),
  'create index mailbox_workspace_idx on mailbox (workspace_id, created_at desc)',
  createTable('notification_preferences', [
    belongsTo('user_id', 'users'),
    'event text not null',
    'enabled boolean not null',
    UPDATED_AT,
    'primary key (user_id, event)',
  ]),
  createTable('notification_settings', [
    'workspace_id text primary key references workspaces(id) on delete cascade',
    "settings jsonb not null default '{}'",
    UPDATED_AT,
  ]),
  createTable('email_unsubscribes', [
    'address text not null',
    'kind text not null',
    CREATED_AT,
    'primary key (address, kind)',
  ]),
  createTable('email_secrets', ['name text primary key', 'secret text not null']),
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
