import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_LIMITS_OFF } from '../../src/config';
import { createDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { databaseKinds, SETUP_TIMEOUT_MS, type TestDatabase } from '../db';
import { appliedMigrations, loadFixture, rowCounts } from './load-fixture';

const runtimeDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FUTURE = '9999_from_a_newer_build';

/** `pnpm start` (src/main.ts) on the given database settings: its exit code and everything it printed. */
async function startRuntime(env: Record<string, string>) {
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: runtimeDir,
    env: {
      ...parentEnv,
      ...PUBLIC_LIMITS_OFF,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { code, output };
}

/**
 * A database a newer build already migrated (it records a migration this build lacks), here on top of an
 * older build's schema with data: this build refuses it before changing anything.
 */
describe.each(databaseKinds)('a database from a newer build on %s', (kind) => {
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'flowdesk-downgrade-')) : undefined;
  let database: TestDatabase;
  let recorded: string[];
  let before: Record<string, number>;

  beforeAll(async () => {
    database = await loadFixture(kind, 'nov26-231323c', { dataDir });
    await sql`insert into kysely_migration (name, timestamp) values (${FUTURE}, '2027-01-01T00:00:00.000Z')`.execute(
      database.db,
    );
    recorded = await appliedMigrations(database.db);
    before = await rowCounts(database.db);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await database?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('is refused with a message that says why and what to do, and nothing is migrated', async () => {
    const refused = await migrateToLatest(database.db).then(
      () => null,
      (error: Error) => error,
    );
    expect(refused?.message).toMatch(/newer Flowdesk build/);
    expect(refused?.message).toContain(FUTURE);
    expect(await appliedMigrations(database.db)).toEqual(recorded);
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it(
    'stops `pnpm start` with that message and exit code 1, not a stack trace',
    async () => {
      // PGlite's directory has one owner at a time: closed here while the runtime tries it.
      if (dataDir) await database.close();
      const { code, output } = await startRuntime(
        dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: database.config.DATABASE_URL! },
      );
      expect(code).toBe(1);
      expect(output).toMatch(/newer Flowdesk build/);
      expect(output).toContain(FUTURE);
      expect(output).not.toMatch(/^\s+at /m);
      if (dataDir) {
        const reopened = createDatabase(database.config);
        database = { ...reopened, config: database.config, dispose: () => reopened.close() };
      }
      expect(await appliedMigrations(database.db)).toEqual(recorded);
      expect(await rowCounts(database.db)).toEqual(before);
    },
    SETUP_TIMEOUT_MS,
  );
});
