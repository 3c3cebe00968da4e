import { type Kysely, sql } from 'kysely';

/** Core tables: tenancy, bots and flows, visitors, conversations and messages, users, teams, sessions, audit. */
const statements = [
  `create table workspaces (
    id text primary key,
    name text not null,
    settings jsonb not null default '{}',
    created_at timestamptz not null default now()
  )`,
  `create table users (
    id text primary key,
    workspace_id text not null references workspaces(id) on delete cascade,
    email text not null unique,
    name text not null,
    password_hash text not null,
    role text not null check (role in ('admin', 'agent')),
    avatar_url text,
    presence text not null default 'offline' check (presence in ('online', 'away', 'offline')),
    created_at timestamptz not null default now()
  )`,
  'create index users_workspace_idx on users (workspace_id)',
  `create table teams (
    id text primary key,
    workspace_id text not null references workspaces(id) on delete cascade,
    name text not null,
    created_at timestamptz not null default now(),
    unique (workspace_id, name)
  )`,
  `create table team_members (
    team_id text not null references teams(id) on delete cascade,
    user_id text not null references users(id) on delete cascade,
    primary key (team_id, user_id)
  )`,
  'create index team_members_user_idx on team_members (user_id)',
  `create table sessions (
    id text primary key,
    token_hash text not null unique,
    user_id text not null references users(id) on delete cascade,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
  )`,
  'create index sessions_user_idx on sessions (user_id)',
  `create table bots (
    id text primary key,
    workspace_id text not null references workspaces(id) on delete cascade,
    name text not null,
    allowed_origins jsonb not null default '[]',
    settings jsonb not null default '{}',
    flow_id text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  'create index bots_workspace_idx on bots (workspace_id)',
  `create table flows (
    id text primary key,
    bot_id text not null references bots(id) on delete cascade,
    name text not null,
    draft jsonb not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    updated_by text references users(id) on delete set null
  )`,
  'create index flows_bot_idx on flows (bot_id)',
  'alter table bots add constraint bots_flow_fk foreign key (flow_id) references flows(id) on delete set null',
  `create table flow_versions (
    id text primary key,
    flow_id text not null references flows(id) on delete cascade,
    number integer not null,
    document jsonb not null,
    note text,
    published_by text references users(id) on delete set null,
    created_at timestamptz not null default now(),
    unique (flow_id, number)
  )`,
  `create table visitors (
    id text primary key,
    bot_id text not null references bots(id) on delete cascade,
    token_hash text not null unique,
    name text,
    email text,
    variables jsonb not null default '{}',
    page_url text,
    user_agent text,
    locale text,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now()
  )`,
  'create index visitors_bot_idx on visitors (bot_id)',
  `create table conversations (
    id text primary key,
    workspace_id text not null references workspaces(id) on delete cascade,
    bot_id text not null references bots(id) on delete cascade,
    visitor_id text not null references visitors(id) on delete cascade,
    flow_version_id text references flow_versions(id) on delete set null,
    status text not null default 'bot' check (status in ('bot', 'needs_agent', 'agent', 'resolved')),
    priority text check (priority in ('low', 'medium', 'high', 'urgent')),
    priority_reason text,
    summary text,
    assignee_id text references users(id) on delete set null,
    team_id text references teams(id) on delete set null,
    engine_snapshot jsonb,
    awaiting jsonb,
    variables jsonb not null default '{}',
    last_seq integer not null default 0,
    handed_off_at timestamptz,
    first_response_at timestamptz,
    resolved_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  'create index conversations_visitor_idx on conversations (visitor_id, created_at desc)',
  'create index conversations_inbox_idx on conversations (workspace_id, status, updated_at desc)',
  'create index conversations_assignee_idx on conversations (assignee_id, status)',
  'create index conversations_team_idx on conversations (team_id, status)',
  `create table messages (
    id text primary key,
    conversation_id text not null references conversations(id) on delete cascade,
    seq integer not null,
    author_kind text not null check (author_kind in ('visitor', 'bot', 'agent', 'system')),
    author_id text,
    author_name text,
    type text not null,
    payload jsonb not null,
    client_id text,
    internal boolean not null default false,
    created_at timestamptz not null default now(),
    unique (conversation_id, seq),
    unique (conversation_id, client_id)
  )`,
  `create table events (
    id text primary key default gen_random_uuid()::text,
    workspace_id text references workspaces(id) on delete cascade,
    actor_kind text not null,
    actor_id text,
    action text not null,
    target_type text,
    target_id text,
    data jsonb not null default '{}',
    created_at timestamptz not null default now()
  )`,
  'create index events_target_idx on events (target_type, target_id, created_at)',
  'create index events_workspace_idx on events (workspace_id, created_at desc)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
