import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLIC_LIMITS_OFF } from '../../../src/config';

const here = dirname(fileURLToPath(import.meta.url));
const runtimeDir = join(here, '../../..');
const PAGE = 4096;
const TICK_MS = 10; // USER_HZ is 100 on Linux

export interface RuntimeProcess {
  url: string;
  /** The probes port's URL (HEALTH_PORT set), else undefined. */
  healthUrl: string | undefined;
  pid: number;
  child: ChildProcess;
  /** Everything the process printed (stdout + stderr). */
  output(): string;
  /** Resident memory of the process now, from /proc. */
  rssBytes(): number;
  /** User + system CPU time the process used so far, from /proc. */
  cpuMs(): number;
  /** Resolves with the signal or code once the process is gone. */
  exited: Promise<string>;
  /** Starts the CPU profiler (needs `profileFile`). */
  startProfile(): void;
  /** SIGTERM (graceful close) and wait. */
  stop(): Promise<string>;
  kill9(): Promise<string>;
}

export interface SpawnRuntimeOptions {
  /** PostgreSQL; without it the child runs embedded PGlite in `env.DATA_DIR`. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** File for a CPU profile of the steady state: `startProfile()` begins it, `stop()` writes it. */
  profileFile?: string;
  startTimeoutMs?: number;
  /**
   * Root of another checkout of this repository with its own install (e.g. a git worktree of an older
   * commit): its `runtime-child.ts` runs, from its `apps/runtime`. Default: this checkout.
   */
  root?: string;
}

/** A runtime under a loopback load generator: quiet, empty, and no public rate limits (one generator
 * stands in for thousands of visitors on their own addresses). */
export const LOAD_TEST_ENV = {
  NODE_ENV: 'test',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'false',
  ...PUBLIC_LIMITS_OFF,
} as const;

/** Starts `runtime-child.ts` on a random loopback port against PostgreSQL and waits for READY. */
export async function spawnRuntime(options: SpawnRuntimeOptions): Promise<RuntimeProcess> {
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const dir = options.root ? join(options.root, 'apps/runtime') : runtimeDir;
  const childFile = join(dir, 'test/reliability/harness/runtime-child.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', childFile], {
    cwd: dir,
    env: {
      ...parentEnv,
      ...LOAD_TEST_ENV,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.profileFile ? { PROFILE_FILE: options.profileFile } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  const [url, healthUrl] = await new Promise<[string, string | undefined]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`runtime did not start: ${output}`)),
      options.startTimeoutMs ?? 90_000,
    );
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const match = /READY (\S+)(?: HEALTH (\S+))?\n/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve([match[1], match[2]]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited (${how}) before it was ready: ${output}`));
    });
  });
  const pid = child.pid ?? 0;
  const stat = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return {
    url,
    healthUrl,
    pid,
    child,
    output: () => output,
    rssBytes: () => Number(stat()[21]) * PAGE,
    cpuMs: () => (Number(stat()[11]) + Number(stat()[12])) * TICK_MS,
    exited,
    startProfile: () => child.kill('SIGUSR2'),
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}
