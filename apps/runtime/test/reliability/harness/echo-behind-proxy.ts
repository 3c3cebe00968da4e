import { createTestDatabase } from '../../db';
import { seedEchoBot } from './echo-bot';
import { startTcpProxyFor, viaProxy } from './tcp-proxy';

export type EchoBehindProxy = Awaited<ReturnType<typeof echoDatabaseBehindProxy>>;

/**
 * A PostgreSQL test database with the echo bot and a TCP proxy in front of it, for a test to cut or pause:
 * `proxiedConfig` reaches the database through the proxy, `database.config` directly.
 */
export async function echoDatabaseBehindProxy() {
  const database = await createTestDatabase('postgres');
  const seeded = await seedEchoBot(database.db);
  const proxy = await startTcpProxyFor(database.config.DATABASE_URL!, 5432);
  const proxiedConfig = { ...database.config, DATABASE_URL: viaProxy(database.config.DATABASE_URL!, proxy) };
  return {
    database,
    seeded,
    proxy,
    proxiedConfig,
    async close() {
      await proxy.close();
      await database.dispose();
    },
  };
}
