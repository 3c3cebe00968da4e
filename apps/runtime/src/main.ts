import { ConfigError, loadConfig } from './config';
import { NewerDatabaseError } from './db/migrate';
import { DEMO_USERS } from './seed/demo';
import { startServer } from './server';

/** `pnpm start`: read settings, migrate, seed the demo, serve, and print where everything is. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const running = await startServer(config);
  // Request-driven work answers its own errors; a rejection nobody awaited is a bug to log, not a reason to
  // drop every visitor's connection (Node's default exits the process).
  process.on('unhandledRejection', (reason) => {
    running.services.logger.error({ err: reason }, 'unhandled rejection');
  });
  const base = config.PUBLIC_URL?.replace(/\/$/, '') ?? running.url;
  const lines = [
    '',
    `Flowdesk is running (${running.services.database.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL'})`,
    `  Builder:     ${base}/app/`,
    `  Inbox:       ${base}/app/inbox`,
    `  Widget demo: ${base}/demo`,
    `  API docs:    ${base}/docs`,
    ...(running.healthUrl ? [`  Probes:      ${running.healthUrl}/readyz (HEALTH_PORT)`] : []),
    ...(config.SEED_DEMO
      ? ['', 'Demo logins:', ...DEMO_USERS.map((user) => `  ${user.role.padEnd(6)} ${user.email} / ${user.password}`)]
      : []),
    '',
  ];
  console.log(lines.join('\n'));

  const shutdown = async (signal: string) => {
    running.services.logger.info({ signal }, 'shutting down');
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  // A refusal the operator acts on: the message says what to do, a stack trace would only bury it.
  console.error(error instanceof NewerDatabaseError ? error.message : error);
  process.exit(1);
});
