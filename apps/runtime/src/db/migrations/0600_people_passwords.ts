import { type Kysely, sql } from 'kysely';

/**
 * People (issue 20 item 6): invites by email and password links. An invite is a person not created yet
 * (name, email, role, teams); it becomes a user when its link is used. `password_links` keeps the hash of
 * each emailed link's token (invite: 72 h, reset: 1 h), used once (`used_at`, the row stays so its page can say
 * so; an accepted invite's row then names the new user); a newer link or a withdrawn invite deletes the older
 * unused ones, so their page says the link is no longer valid.
 */
const statements = [
  `create table user_invites (
    id text primary key,
    workspace_id text not null references workspaces(id) on delete cascade,
    email text not null,
    name text not null,
    role text not null check (role in ('admin', 'agent')),
    team_ids jsonb not null default '[]',
    invited_by text references users(id) on delete set null,
    sent_at timestamptz not null default now(),
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
  )`,
  'create unique index user_invites_email_idx on user_invites (email)',
  'create index user_invites_workspace_idx on user_invites (workspace_id)',
  `create table password_links (
    token_hash text primary key,
    kind text not null check (kind in ('invite', 'reset')),
    invite_id text references user_invites(id) on delete set null,
    user_id text references users(id) on delete cascade,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  'create index password_links_invite_idx on password_links (invite_id)',
  'create index password_links_user_idx on password_links (user_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
