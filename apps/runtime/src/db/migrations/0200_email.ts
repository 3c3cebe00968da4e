import { type Kysely, sql } from 'kysely';

/** Email outbox, local mailbox, notification preferences/settings, unsubscribes and the signing secret. */
const statements = [
  `create table email_outbox (
    id text primary key,
    workspace_id text references workspaces(id) on delete cascade,
    kind text not null,
    to_address text not null,
    recipient_user_id text references users(id) on delete set null,
    conversation_id text references conversations(id) on delete set null,
    subject text not null,
    html text not null,
    text text not null,
    headers jsonb not null default '{}',
    idempotency_key text not null unique,
    status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    locked_until timestamptz,
    last_error text,
    provider_id text,
    created_at timestamptz not null default now(),
    sent_at timestamptz
  )`,
  `create index email_outbox_due_idx on email_outbox (next_attempt_at) where status in ('pending', 'sending')`,
  'create index email_outbox_workspace_idx on email_outbox (workspace_id, created_at desc)',
  `create table email_throttle (
    key text primary key,
    last_at timestamptz not null
  )`,
  `create table mailbox (
    id text primary key,
    outbox_id text not null unique references email_outbox(id) on delete cascade,
    workspace_id text references workspaces(id) on delete cascade,
    from_address text not null,
    to_address text not null,
    subject text not null,
    html text not null,
    text text not null,
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`,
  'create index mailbox_workspace_idx on mailbox (workspace_id, created_at desc)',
  `create table notification_preferences (
    user_id text not null references users(id) on delete cascade,
    event text not null,
    enabled boolean not null,
    updated_at timestamptz not null default now(),
    primary key (user_id, event)
  )`,
  `create table notification_settings (
    workspace_id text primary key references workspaces(id) on delete cascade,
    settings jsonb not null default '{}',
    updated_at timestamptz not null default now()
  )`,
  `create table email_unsubscribes (
    address text not null,
    kind text not null,
    created_at timestamptz not null default now(),
    primary key (address, kind)
  )`,
  `create table email_secrets (
    name text primary key,
    secret text not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
