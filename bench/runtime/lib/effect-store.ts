import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot } from '../../../apps/runtime/src/bots/repository';
import { testConfig } from '../../../apps/runtime/src/config';
import { createDatabase, type DatabaseHandle } from '../../../apps/runtime/src/db/database';
import { DirectoryMigrationProvider, migrateToLatest } from '../../../apps/runtime/src/db/migrate';
import { createScratchPostgres } from '../../../apps/runtime/test/db';
import { seedWorkspace } from '../../../apps/runtime/test/fixtures/accounts';
import { publishFlow } from '../../../apps/runtime/test/fixtures/flows';
import type { SpawnRuntimeOptions } from '../../../apps/runtime/test/reliability/harness/runtime-process';
import type { FlowDocumentInput } from '../../../packages/flow-schema/src';

export type StoreKind = 'pglite' | 'postgres';

export interface EffectStore {
  kind: StoreKind;
  /** What spawnRuntime needs to open this database (PGlite: DATA_DIR in env). */
  spawn: Pick<SpawnRuntimeOptions, 'databaseUrl'> & { env: Record<string, string> };
  /** One bot per flow, by the flow's key. */
  bots: Record<string, string>;
  /** Drops the scratch database / removes the PGlite directory. */
  dispose(): Promise<void>;
}

/**
 * A database for one runtime: migrated with the migrations in `migrationsDir` (another checkout's, for a
 * baseline runtime: a migration the old code does not know would stop it), one workspace and one bot per
 * flow, each flow published. PGlite is a data directory, seeded and closed before the runtime opens it.
 */
export async function createEffectStore(
  kind: StoreKind,
  flows: Record<string, FlowDocumentInput>,
  migrationsDir?: string,
): Promise<EffectStore> {
  const seed = async (db: DatabaseHandle['db']) => {
    await migrateToLatest(db, migrationsDir ? new DirectoryMigrationProvider(migrationsDir) : undefined);
    const { workspaceId, bot } = await seedWorkspace(db, 'slow-effects');
    const bots: Record<string, string> = {};
    for (const [index, [key, flow]] of Object.entries(flows).entries()) {
      const botId = index === 0 ? bot.id : (await createBot(db, { workspaceId, name: `Bot ${key}` })).id;
      await publishFlow(db, botId, flow);
      bots[key] = botId;
    }
    return bots;
  };
  if (kind === 'postgres') {
    const scratch = await createScratchPostgres();
    try {
      const handle = createDatabase({ DATABASE_URL: scratch.url, DATA_DIR: 'memory://' });
      const bots = await seed(handle.db).finally(() => handle.close());
      return { kind, spawn: { databaseUrl: scratch.url, env: {} }, bots, dispose: () => scratch.drop() };
    } catch (error) {
      await scratch.drop();
      throw error;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'flowdesk-slow-effects-'));
  const dispose = async () => rmSync(dir, { recursive: true, force: true });
  try {
    const handle = createDatabase(testConfig({ DATA_DIR: dir }));
    const bots = await seed(handle.db).finally(() => handle.close());
    return { kind, spawn: { env: { DATA_DIR: dir } }, bots, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
