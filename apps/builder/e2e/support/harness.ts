import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer, testConfig } from '@flowdesk/runtime';
import { createTestDatabase } from '@flowdesk/runtime/testing';
import { build, preview } from 'vite';
import { type SeededWorkspace, seedWorkspace } from './seed';

const builderRoot = fileURLToPath(new URL('../..', import.meta.url));
// One bundle per test worker: vitest runs files in parallel workers, and a shared dist/ would be emptied by
// one worker's build while another serves it.
const outDir = join(tmpdir(), `flowdesk-builder-e2e-${process.pid}`);

export interface Harness {
  /** The dashboard, e.g. http://127.0.0.1:41234/app/ */
  appUrl: string;
  runtime: RunningServer;
  seeded: SeededWorkspace;
  close(): Promise<void>;
}

let built: Promise<unknown> | null = null;

/** Builds the dashboard once per test process (the same `vite build` as production). */
export function buildDashboard(): Promise<unknown> {
  built ??= (async () => {
    // Vitest runs with NODE_ENV=test, which would make vite emit a development bundle; test the real one.
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: builderRoot,
        logLevel: 'error',
        mode: 'production',
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = previous;
    }
  })();
  return built;
}

/**
 * A runtime on a memory database with a workspace, an admin and a bot, and the built dashboard served
 * under /app/ with /api and /ws forwarded to that runtime. `config`: more runtime settings (an AI key…).
 */
export async function startHarness(config: Parameters<typeof testConfig>[0] = {}): Promise<Harness> {
  await buildDashboard();
  // A memory database is a copy of one migrated once per worker (migrating each file's anew took seconds).
  const database = config.DATABASE_URL ? undefined : await createTestDatabase('pglite');
  const runtime = await startServer(testConfig(config), { database });
  const seeded = await seedWorkspace(runtime);
  const server = await preview({
    root: builderRoot,
    logLevel: 'error',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      proxy: {
        // The runtime trusts writes from its own origin; the proxy speaks for the page.
        '/api': {
          target: runtime.url,
          changeOrigin: true,
          configure: (proxy) => proxy.on('proxyReq', (req) => req.setHeader('origin', runtime.url)),
        },
        '/ws': { target: runtime.url.replace(/^http/, 'ws'), ws: true },
        '/widget': runtime.url,
      },
    },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    appUrl: `http://127.0.0.1:${port}/app/`,
    runtime,
    seeded,
    async close() {
      await server.close();
      await runtime.close();
      await database?.dispose();
    },
  };
}
