import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

export const RUNTIME_DIR = resolve(import.meta.dirname, '../../runtime');
export const WIDGET_DIST = resolve(import.meta.dirname, '../dist');

export interface RuntimeProcess {
  url: string;
  /** Everything the runtime printed (the demo credentials are in there). */
  output(): string;
  /** Stops the process and starts it again on the same port and data (a deploy or a crash). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  url: string;
}

/** What the global set-up prepared once per run: the runtime's bundle and a data folder it migrated and seeded. */
export interface PreparedRuntime {
  bundle: string;
  template: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    widgetRuntime: PreparedRuntime;
  }
}

export function launch(
  bundle: string,
  dataDir: string,
  port: string,
  env: Record<string, string>,
  log: (s: string) => void,
) {
  const child = spawn(process.execPath, ['--enable-source-maps', join(bundle, 'main.js')], {
    cwd: RUNTIME_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: port,
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
  const onData = (d: Buffer) => {
    out += String(d);
    log(String(d));
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return new Promise<Running>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`runtime did not start:\n${out}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = out.match(/Widget demo:\s+(\S+?)\/demo/);
      if (match?.[1]) {
        clearTimeout(timer);
        res({ child, url: match[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`runtime exited with ${code}:\n${out}`));
    });
  });
}

export async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs the product the way the README does (`node dist/main.js`, the bundle built by the global set-up):
 * embedded PGlite in a temp folder holding a copy of the migrated, seeded template, demo bot, built widget
 * served, a free port. Resolves when it prints where it listens.
 */
export async function startRuntime(env: Record<string, string> = {}): Promise<RuntimeProcess> {
  const { bundle, template } = inject('widgetRuntime');
  const dataDir = mkdtempSync(join(tmpdir(), 'flowdesk-widget-e2e-'));
  cpSync(template, dataDir, { recursive: true });
  let out = '';
  const log = (s: string) => {
    out += s;
  };
  let current: Running;
  try {
    current = await launch(bundle, dataDir, '0', env, log);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = new URL(current.url).port;
  return {
    url: current.url,
    output: () => out,
    async restart() {
      await kill(current.child);
      current = await launch(bundle, dataDir, port, env, log);
    },
    async stop() {
      await kill(current.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
