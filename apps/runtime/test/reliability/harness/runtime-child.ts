/**
 * A runtime as its own process (for kill -9, two-instance and benchmark runs). Settings come from the
 * environment like `pnpm start`; prints `READY <url>` once it listens and closes gracefully on SIGTERM.
 */
import { loadConfig } from '../../../src/config';
import { startServer } from '../../../src/server';

const running = await startServer(loadConfig(process.env));
process.stdout.write(`READY ${running.url}\n`);
const stop = async () => {
  await running.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
