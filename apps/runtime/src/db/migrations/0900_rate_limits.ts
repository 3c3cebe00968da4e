import type { Kysely } from 'kysely';
import { createTable, runStatements } from '../ddl';

/**
 * Rate-limit counters shared by every instance on one database (used without REDIS_URL): fixed windows
 * (`count` until `expires_at`) and progressive delays (`count` failures, next attempt not before `until_at`,
 * forgotten at `expires_at`). Keys are hashes: addresses and accounts are personal data.
 */
const statements = [
  createTable('rate_limits', [
    'bucket text not null',
    'key text not null',
    'count integer not null',
    'until_at timestamptz',
    'expires_at timestamptz not null',
    'primary key (bucket, key)',
  ]),
  'create index rate_limits_expires_at on rate_limits (expires_at)',
];

export const up = (db: Kysely<unknown>) => runStatements(db, statements);
