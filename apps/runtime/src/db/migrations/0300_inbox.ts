import { type Kysely, sql } from 'kysely';

/** Inbox: canned responses, per-agent read positions, round-robin cursor, default team. */
const statements = [
  `create table canned_responses (
    id text primary key,
    workspace_id text not null references workspaces(id) on delete cascade,
    shortcut text not null,
    title text not null,
    text text not null,
    created_by text references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (workspace_id, shortcut)
  )`,
  `create table conversation_reads (
    conversation_id text not null references conversations(id) on delete cascade,
    user_id text not null references users(id) on delete cascade,
    last_read_seq integer not null default 0,
    read_at timestamptz not null default now(),
    primary key (conversation_id, user_id)
  )`,
  'create index conversation_reads_user_idx on conversation_reads (user_id)',
  `create table agent_routing (
    user_id text primary key references users(id) on delete cascade,
    last_assigned_at timestamptz not null default now()
  )`,
  'alter table teams add column is_default boolean not null default false',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
