import type { Kysely } from 'kysely';
import { CREATED_AT, createTable, ID, linkedTo, runStatements, WORKSPACE_ID } from '../ddl';

/**
 * People (issue 20 item 6): invites by email and password links. An invite is a person not created yet
 * (name, email, role, teams); it becomes a user when its link is used. `password_links` keeps the hash of
 * each emailed link's token (invite: 72 h, reset: 1 h), used once (`used_at`, the row stays so its page can say
 * so; an accepted invite's row then names the new user); a newer link or a withdrawn invite deletes the older
 * unused ones, so their page says the link is no longer valid.
 */
const statements = [
  createTable('user_invites', [
    ID,
    WORKSPACE_ID,
    'email text not null',
    'name text not null',
    "role text not null check (role in ('admin', 'agent'))",
    "team_ids jsonb not null default '[]'",
    linkedTo('invited_by', 'users'),
    'sent_at timestamptz not null default now()',
    'expires_at timestamptz not null',
    CREATED_AT,
  ]),
  'create unique index user_invites_email_idx on user_invites (email)',
  'create index user_invites_workspace_idx on user_invites (workspace_id)',
  createTable('password_links', [
    'token_hash text primary key',
    "kind text not null check (kind in ('invite', 'reset'))",
    linkedTo('invite_id', 'user_invites'),
    'user_id text references users(id) on delete cascade',
    'expires_at timestamptz not null',
    'used_at timestamptz',
    CREATED_AT,
  ]),
  'create index password_links_invite_idx on password_links (invite_id)',
  'create index password_links_user_idx on password_links (user_id)',
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
