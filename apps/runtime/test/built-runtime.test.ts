import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_LIMITS_OFF } from '../src/config';
import { TestVisitor } from './fixtures/visitor';

const runtimeDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Built beside the real dist/ so a `pnpm start` running meanwhile keeps its own. */
const OUT = `.test-dist-${process.pid}`;
// A fresh embedded database is created, migrated and seeded at start: minutes on a loaded 2-core machine.
const TIMEOUT_MS = 300_000;

/**
 * `pnpm start` runs the built runtime (`node dist/main.js`, issue 23 item 3), not TypeScript compiled at each
 * start: the bundle must migrate a fresh database from its compiled migrations, seed the demo, start PGlite's
 * thread from the copied worker, and run a visitor's conversation through the bundled engine.
 */
describe('the built runtime (node dist/main.js)', () => {
  let child: ChildProcess | undefined;
  let output = '';
  let baseUrl = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'flowdesk-built-'));

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['build.mjs'], {
      cwd: runtimeDir,
      env: { ...process.env, FLOWDESK_RUNTIME_OUT: OUT },
    });
    child = spawn(process.execPath, ['--enable-source-maps', join(OUT, 'main.js')], {
      cwd: runtimeDir,
      env: {
        ...withoutDatabaseUrl(process.env),
        ...PUBLIC_LIMITS_OFF,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'true',
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    baseUrl = await new Promise<string>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output += chunk;
        const found = /Builder:\s+(http:\/\/[^/\s]+)\/app\//.exec(output);
        if (found) resolve(found[1]!);
      };
      child!.stdout!.on('data', collect);
      child!.stderr!.on('data', collect);
      child!.once('exit', (code) => reject(new Error(`the built runtime exited (${code}):\n${output}`)));
    });
  }, TIMEOUT_MS);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(join(runtimeDir, OUT), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds a bundle, its source map, every migration compiled and the database worker', () => {
    const out = join(runtimeDir, OUT);
    expect(existsSync(join(out, 'main.js.map'))).toBe(true);
    expect(existsSync(join(out, 'pglite-worker.mjs'))).toBe(true);
    expect(existsSync(join(out, 'health-worker.mjs'))).toBe(true);
    const sources = readdirSync(join(runtimeDir, 'src/db/migrations')).filter((f) => /^\d{4}_.+\.ts$/.test(f));
    const built = readdirSync(join(out, 'migrations')).filter((f) => f.endsWith('.js'));
    expect(built.map((f) => f.replace(/\.js$/, '')).sort()).toEqual(sources.map((f) => f.replace(/\.ts$/, '')).sort());
  });

  it('starts on an embedded database, answers /readyz and runs the demo bot for a visitor', async () => {
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
    const visitor = new TestVisitor(baseUrl, 'demo-bot');
    const session = await visitor.start();
    expect(session.conversation.id).toBeTruthy();
    const greeted = await visitor.historyWhen((messages) => messages.some((m) => m.author === 'bot'));
    expect(greeted.length).toBeGreaterThan(0);
    const sent = await visitor.send({ type: 'text', text: 'hello from the built runtime' });
    expect(sent.status).toBe(201);
    await visitor.historyWhen((messages) => messages.some((m) => m.author === 'visitor'));
  });
});

function withoutDatabaseUrl(env: NodeJS.ProcessEnv) {
  const { DATABASE_URL: _dropped, ...rest } = env;
  return rest;
}
