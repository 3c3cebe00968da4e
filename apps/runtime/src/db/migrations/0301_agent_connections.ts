import type { Kysely } from 'kysely';
import { belongsTo, createTable, ID, runStatements } from '../ddl';

/**
 * Live dashboard sockets per runtime instance, refreshed by each instance's heartbeat: an agent counts
 * as connected while any row of theirs is fresh, whichever instance holds it (realtime/presence.ts).
 */
const statements = [
  createTable('agent_connections', [
    ID,
    belongsTo('user_id', 'users'),
    'instance_id text not null',
    'last_seen timestamptz not null default now()',
  ]),
  'create index agent_connections_user_idx on agent_connections (user_id)',
  'create index agent_connections_instance_idx on agent_connections (instance_id)',
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
