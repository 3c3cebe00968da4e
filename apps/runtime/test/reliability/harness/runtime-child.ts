/**
 * A runtime as its own process (for kill -9, two-instance and benchmark runs). Settings come from the
 * environment like `pnpm start`; prints `READY <url>` (and ` HEALTH <url>` with HEALTH_PORT) once it listens and closes gracefully on SIGTERM.
 * With PROFILE_FILE set, SIGUSR2 starts the V8 CPU profiler (after a warm-up, unlike --cpu-prof) and the
 * profile is written there on SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../../../src/config';
import { startServer } from '../../../src/server';

const profileFile = process.env.PROFILE_FILE;
const session = profileFile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  process.on('SIGUSR2', () => void session.post('Profiler.start'));
}

const running = await startServer(loadConfig(process.env));
process.stdout.write(`READY ${running.url}${running.healthUrl ? ` HEALTH ${running.healthUrl}` : ''}\n`);
const stop = async () => {
  if (session && profileFile) {
    const { profile } = await session.post('Profiler.stop').catch(() => ({ profile: null }));
    if (profile) writeFileSync(profileFile, JSON.stringify(profile));
  }
  await running.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
