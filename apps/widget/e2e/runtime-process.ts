import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const RUNTIME_DIR = resolve(import.meta.dirname, '../../runtime');
export const WIDGET_DIST = resolve(import.meta.dirname, '../dist');

export interface RuntimeProcess {
  url: string;
  /** Everything the runtime printed (the demo credentials are in there). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs the product the way the README does (`tsx src/main.ts`): embedded PGlite in a temp folder,
 * demo bot seeded, built widget served, port 0. Resolves when it prints where it listens.
 */
export async function startRuntime(env: Record<string, string> = {}): Promise<RuntimeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowdesk-widget-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: RUNTIME_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      WIDGET_DIST,
      SEED_DEMO: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`runtime did not start:\n${out}`)), 60_000);
      const check = () => {
        const match = out.match(/Widget demo:\s+(\S+?)\/demo/);
        if (match?.[1]) {
          clearTimeout(timer);
          res(match[1]);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => rej(new Error(`runtime exited with ${code}:\n${out}`)));
    });
    return { url, output: () => out, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
