import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Config, testConfig } from '../src/config';
import { createDatabase, type DatabaseHandle, type DatabaseKind, pgliteHandle } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { PGliteThread } from '../src/db/pglite-thread';

/** Set-up budget: a loaded CI machine can take tens of seconds to start a database. */
export const SETUP_TIMEOUT_MS = 180_000;

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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

// Starting PGlite dominates test set-up; every migrated in-memory database of this process is a copy of one.
let migratedTemplate: Promise<Blob> | null = null;

function migratedPgliteTemplate(): Promise<Blob> {
  migratedTemplate ??= (async () => {
    const handle = createDatabase(testConfig());
    await migrateToLatest(handle.db);
    const dump = await handle.pglite!.dumpDataDir('none');
    await handle.close();
    return dump;
  })();
  return migratedTemplate;
}

async function openHandle(kind: DatabaseKind, config: Config, migrate: boolean): Promise<DatabaseHandle> {
  if (kind === 'pglite' && migrate)
    return pgliteHandle(new PGliteThread({ loadDataDir: await migratedPgliteTemplate() }));
  return createDatabase(config);
}

/** A fresh, migrated database of the given kind. */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const scratch = kind === 'postgres' ? await createScratchPostgres() : null;
  const config = testConfig(scratch ? { DATABASE_URL: scratch.url } : {});
  const handle = await openHandle(kind, config, options.migrate !== false);
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
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await holder.current?.dispose();
  });
  return holder;
}
