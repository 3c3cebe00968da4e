import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** `NNNN_name.ts` in the sources, `NNNN_name.js` in the built runtime (dist/migrations). */
const MIGRATION_FILE = /^\d{4}_[\w-]+\.(ts|js)$/;

/**
 * Loads every `NNNN_name.ts` in db/migrations, so each area adds its own file (e.g. `0100_email.ts`)
 * without a shared index. Names sort by their number.
 */
export class DirectoryMigrationProvider implements MigrationProvider {
  constructor(private readonly dir = MIGRATIONS_DIR) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((file) => MIGRATION_FILE.test(file) && !file.endsWith('.test.ts'));
    const migrations: Record<string, Migration> = {};
    for (const file of files.sort()) {
      const module = (await import(pathToFileURL(join(this.dir, file)).href)) as Partial<Migration>;
      if (typeof module.up !== 'function') throw new Error(`Migration ${file} has no exported up()`);
      migrations[file.replace(/\.(ts|js)$/, '')] = { up: module.up, down: module.down };
    }
    return migrations;
  }
}

/** The database records migrations this build does not have: a newer build ran on it (a downgrade). */
export class NewerDatabaseError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `This database was migrated by a newer Flowdesk build (it records ${unknown.join(', ')}, which this build ` +
        'does not have). Refusing to start, nothing was changed: run that newer build, or restore a backup taken ' +
        'before the upgrade to go back.',
    );
    this.name = 'NewerDatabaseError';
  }
}

// biome-ignore lint/suspicious/noExplicitAny: kysely's own table, before any table type applies.
async function recordedMigrations(db: Kysely<any>): Promise<string[]> {
  const table = await sql<{ found: string | null }>`select to_regclass('kysely_migration')::text as found`.execute(db);
  if (!table.rows[0]?.found) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return rows.map((row) => row.name);
}

/** Applies pending migrations (forward-only). Safe to call on every start and from several instances. */
export async function migrateToLatest(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before any table type applies.
  db: Kysely<any>,
  provider: MigrationProvider = new DirectoryMigrationProvider(),
) {
  // Files from different areas land in any order; allow a lower-numbered file added after a higher one ran.
  const known = new Set(Object.keys(await provider.getMigrations()));
  const unknown = (await recordedMigrations(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new NewerDatabaseError(unknown);
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}
