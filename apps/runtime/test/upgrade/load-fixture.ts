import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { testConfig } from '../../src/config';
import { createDatabase, type DatabaseKind, pgliteHandle } from '../../src/db/database';
import { createScratchPostgres, type TestDatabase } from '../db';
import type { UpgradeManifest } from './populate';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/upgrade');

export function readManifest(name: string): UpgradeManifest {
  return JSON.parse(readFileSync(join(fixturesDir, `${name}.json`), 'utf8')) as UpgradeManifest;
}

/**
 * A database holding an older build's dump (schema, kysely's migration records and data), not migrated
 * further: PGlite in memory (or in `dataDir`), or a scratch PostgreSQL database.
 */
export async function loadFixture(
  kind: DatabaseKind,
  name: string,
  options: { dataDir?: string } = {},
): Promise<TestDatabase> {
  const dump = readFileSync(join(fixturesDir, `${name}.sql`), 'utf8');
  if (kind === 'pglite') {
    const config = testConfig(options.dataDir ? { DATA_DIR: options.dataDir } : {});
    // Loaded through a PGlite of our own: exec() runs a whole script, the runtime's handle need not offer it.
    // On disk it is the directory the runtime opens for DATA_DIR (DATA_DIR/pglite).
    const pglite = new PGlite(options.dataDir ? join(options.dataDir, 'pglite') : undefined);
    await pglite.exec(dump);
    if (!options.dataDir) {
      const handle = pgliteHandle(pglite);
      return { ...handle, config, dispose: () => handle.close() };
    }
    await pglite.close();
    const handle = createDatabase(config);
    return { ...handle, config, dispose: () => handle.close() };
  }
  const scratch = await createScratchPostgres();
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  try {
    await client.query(dump);
  } finally {
    await client.end();
  }
  const config = testConfig({ DATABASE_URL: scratch.url });
  const handle = createDatabase(config);
  return {
    ...handle,
    config,
    dispose: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** Rows per table of the public schema. */
// biome-ignore lint/suspicious/noExplicitAny: counts every table, typed or not.
export async function rowCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table_name)}`.execute(db);
    counts[table_name] = Number(rows[0]?.n);
  }
  return counts;
}

/** The names kysely recorded as applied. */
// biome-ignore lint/suspicious/noExplicitAny: kysely's own table.
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}
