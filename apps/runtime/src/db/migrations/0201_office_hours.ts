import { type Kysely, sql } from 'kysely';

/** Office hours, reply time and offline rules per workspace (team_id null) or per team. */
const statements = [
  `create table office_hours (
    workspace_id text not null references workspaces(id) on delete cascade,
    team_id text references teams(id) on delete cascade,
    team_key text generated always as (coalesce(team_id, '')) stored,
    schedule jsonb,
    reply_time jsonb not null,
    offline_when jsonb not null,
    updated_at timestamptz not null default now(),
    primary key (workspace_id, team_key)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
