import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Config, testConfig } from '../src/config';
import { createDatabase, type DatabaseHandle, type DatabaseKind } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Both kinds, for `describe.each(databaseKinds)`. */
export const databaseKinds: DatabaseKind[] = ['pglite', 'postgres'];

export interface ScratchPostgres {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty PostgreSQL database with a random name next to TEST_DATABASE_URL. */
export async function createScratchPostgres(): Promise<ScratchPostgres> {
  const name = `flowdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestDatabase extends DatabaseHandle {
  /** Settings that point a runtime at this database (memory PGlite or the scratch PostgreSQL database). */
  config: Config;
  /** Closes the connection and drops the scratch database. */
  dispose(): Promise<void>;
}

/** A fresh, migrated database of the given kind. */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const scratch = kind === 'postgres' ? await createScratchPostgres() : null;
  const config = testConfig(scratch ? { DATABASE_URL: scratch.url } : {});
  const handle = createDatabase(config);
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    ...handle,
    config,
    dispose: async () => {
      await handle.close();
      await scratch?.drop();
    },
  };
}

/** Registers beforeAll/afterAll for a fresh database in the enclosing describe; read `.current` inside tests. */
export function useTestDatabase(kind: DatabaseKind, options: { migrate?: boolean } = {}) {
  const holder: { current: TestDatabase } = { current: undefined as unknown as TestDatabase };
  beforeAll(async () => {
    holder.current = await createTestDatabase(kind, options);
  });
  afterAll(async () => {
    await holder.current?.dispose();
  });
  return holder;
}
