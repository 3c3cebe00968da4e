import { createDatabase, type DatabaseHandle } from '../../../apps/runtime/src/db/database';
import { migrateToLatest } from '../../../apps/runtime/src/db/migrate';
import { createScratchPostgres } from '../../../apps/runtime/test/db';
import { seedEchoBot } from '../../../apps/runtime/test/reliability/harness/echo-bot';

export interface BenchDatabase {
  url: string;
  handle: DatabaseHandle;
  botId: string;
  agentEmail: string;
  drop(): Promise<void>;
}

/** A scratch PostgreSQL database (TEST_DATABASE_URL's server), migrated, with the echo bot and an agent. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const scratch = await createScratchPostgres();
  const handle = createDatabase({ DATABASE_URL: scratch.url, DATA_DIR: 'memory://' });
  await migrateToLatest(handle.db);
  const { bot, agent } = await seedEchoBot(handle.db);
  return {
    url: scratch.url,
    handle,
    botId: bot.id,
    agentEmail: agent.email,
    drop: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
