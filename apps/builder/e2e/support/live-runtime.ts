import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer, testConfig } from '@flowdesk/runtime';
import { build } from 'vite';
// The runtime's own test helper: a scratch PostgreSQL database, dropped afterwards.
import { createScratchPostgres } from '../../../runtime/test/db';

/** The demo seed's logins (SEED_DEMO). */
export const DEMO_AGENT = { email: 'agent@example.com', password: 'demo-agent-123', name: 'Sam Agent' };
export const DEMO_ADMIN = { email: 'admin@example.com', password: 'demo-admin-123', name: 'Ada Admin' };

const builderRoot = fileURLToPath(new URL('../..', import.meta.url));
const widgetRoot = fileURLToPath(new URL('../../../widget', import.meta.url));

/**
 * Builds the dashboard and the widget into a private folder the runtime serves (BUILDER_DIST, WIDGET_DIST),
 * so other test runs rebuilding apps/*\/dist at the same time cannot pull files from under this one.
 */
async function buildBundles(outDir: string) {
  await build({ root: builderRoot, logLevel: 'error', build: { outDir: `${outDir}/builder`, emptyOutDir: true } });
  for (const mode of ['loader', 'chat']) {
    execFileSync(
      `${widgetRoot}/node_modules/.bin/vite`,
      ['build', '--mode', mode, '--logLevel', 'error', '--outDir', `${outDir}/widget`],
      { cwd: widgetRoot },
    );
  }
}

export interface LiveRuntime {
  runtime: RunningServer;
  close(): Promise<void>;
}

let bundles: Promise<string> | null = null;

/**
 * The bundles, built once per test worker (files share a worker's module state) into a folder of its own,
 * removed when the worker exits: building them for every file cost about 14 s each.
 */
function sharedBundles(): Promise<string> {
  bundles ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowdesk-live-e2e-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await buildBundles(dir);
    return dir;
  })();
  return bundles;
}

/**
 * A runtime on a scratch PostgreSQL database with the demo workspace, serving freshly built dashboard
 * (/app/) and widget (/widget/, /demo) bundles. `env`: more runtime settings (e.g. the fake Resend's).
 */
export async function startLiveRuntime(env: Record<string, string> = {}): Promise<LiveRuntime> {
  const dir = await sharedBundles();
  const scratch = await createScratchPostgres();
  try {
    const runtime = await startServer(
      testConfig({
        DATABASE_URL: scratch.url,
        SEED_DEMO: 'true',
        BUILDER_DIST: `${dir}/builder`,
        WIDGET_DIST: `${dir}/widget`,
        ...env,
      }),
    );
    return {
      runtime,
      async close() {
        await runtime.close();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}
