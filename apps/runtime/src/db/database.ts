import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { type EmbeddedDatabase, PGliteThread } from './pglite-thread';
import { preparingClient } from './prepared-statements';
import type { Database } from './schema';

// int8 (counts, sums) as JS numbers; our counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The pg pool (PostgreSQL only), for LISTEN/NOTIFY clients. */
  pool: pg.Pool | null;
  /** The embedded database (PGlite only). */
  pglite: EmbeddedDatabase | null;
  /**
   * Whether the database answers, for readiness probes. On PostgreSQL through a connection of its own:
   * a burst that keeps every pool connection busy is load, not an outage, and must not make a load
   * balancer take the instance out.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Kysely over PostgreSQL when DATABASE_URL is set, else over embedded PGlite in DATA_DIR (or memory). */
export function createDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'> &
    Partial<Pick<Config, 'PGLITE_THREAD'>> &
    Partial<Pick<Config, 'DB_CONNECT_TIMEOUT_MS' | 'DB_QUERY_TIMEOUT_MS' | 'DB_PREPARED_STATEMENTS'>>,
): DatabaseHandle {
  if (config.DATABASE_URL) {
    const queryTimeout = config.DB_QUERY_TIMEOUT_MS ?? 15_000;
    // Every wait on the database is bounded, so a database that stops answering (paused, network gone
    // with connections still open) gives 503s within seconds instead of requests hanging: getting a
    // connection, each query (client side: nothing may come back at all), and on the server a statement
    // and an abandoned transaction.
    const pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS ?? 5000,
      query_timeout: queryTimeout,
      statement_timeout: queryTimeout,
      idle_in_transaction_session_timeout: queryTimeout * 4,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      ...(config.DB_PREPARED_STATEMENTS === false ? {} : { Client: preparingClient() }),
    });
    // A client losing its server must not crash the process; the next query reports the error (→ 503).
    // The pool listens on idle clients only, so checked-out ones (mid-transaction) get their own listener.
    const probe = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: 1,
      connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS ?? 5000,
      query_timeout: queryTimeout,
      idleTimeoutMillis: 60_000,
      keepAlive: true,
    });
    for (const each of [pool, probe]) {
      each.on('error', () => {});
      each.on('connect', (client) => client.on('error', () => {}));
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      pool,
      pglite: null,
      ping: async () => {
        await probe.query('select 1');
      },
      close: async () => {
        await db.destroy();
        await probe.end().catch(() => {});
      },
    };
  }
  return pgliteHandle(openPglite(config.DATA_DIR, config.PGLITE_THREAD !== false));
}

/** Kysely over an embedded database (tests hand in one restored from a migrated template). */
export function pgliteHandle(pglite: EmbeddedDatabase): DatabaseHandle {
  // The dialect uses query(), transaction(), ready, waitReady, closed and close(): PGliteThread has them.
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: pglite as PGlite }) });
  return {
    db,
    kind: 'pglite',
    pool: null,
    pglite,
    ping: async () => {
      if (pglite instanceof PGliteThread) await pglite.ping();
      else await pglite.query('select 1');
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function openPglite(dataDir: string, thread: boolean): EmbeddedDatabase {
  const open = (dir: string) =>
    thread ? new PGliteThread({ dataDir: dir }) : new PGlite(dir, { extensions: { vector } });
  if (dataDir.startsWith('memory://')) return open(dataDir);
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return open(dir);
}
