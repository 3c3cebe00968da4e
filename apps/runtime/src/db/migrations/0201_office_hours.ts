import type { Kysely } from 'kysely';
import { createTable, runStatements, UPDATED_AT, WORKSPACE_ID } from '../ddl';

/** Office hours, reply time and offline rules per workspace (team_id null) or per team. */
const statements = [
  createTable('office_hours', [
    WORKSPACE_ID,
    'team_id text references teams(id) on delete cascade',
    "team_key text generated always as (coalesce(team_id, '')) stored",
    'schedule jsonb',
    'reply_time jsonb not null',
    'offline_when jsonb not null',
    UPDATED_AT,
    'primary key (workspace_id, team_key)',
  ]),
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
