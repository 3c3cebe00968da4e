import { type Kysely, sql } from 'kysely';

/**
 * Live dashboard sockets per runtime instance, refreshed by each instance's heartbeat: an agent counts
 * as connected while any row of theirs is fresh, whichever instance holds it (realtime/presence.ts).
 */
const statements = [
  `create table agent_connections (
    id text primary key,
    user_id text not null references users(id) on delete cascade,
    instance_id text not null,
    last_seen timestamptz not null default now()
  )`,
  'create index agent_connections_user_idx on agent_connections (user_id)',
  'create index agent_connections_instance_idx on agent_connections (instance_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
