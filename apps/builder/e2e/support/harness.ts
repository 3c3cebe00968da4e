import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer, testConfig } from '@flowdesk/runtime';
import { createTestDatabase } from '@flowdesk/runtime/testing';
import { preview } from 'vite';
import { inject } from 'vitest';
import { type SeededWorkspace, seedWorkspace } from './seed';

const builderRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Harness {
  /** The dashboard, e.g. http://127.0.0.1:41234/app/ */
  appUrl: string;
  runtime: RunningServer;
  seeded: SeededWorkspace;
  close(): Promise<void>;
}

/**
 * A runtime on a memory database with a workspace, an admin and a bot, and the built dashboard served
 * under /app/ with /api and /ws forwarded to that runtime. `config`: more runtime settings (an AI key…).
 */
export async function startHarness(config: Parameters<typeof testConfig>[0] = {}): Promise<Harness> {
  // A memory database is a copy of one migrated once per worker (migrating each file's anew took seconds).
  const database = config.DATABASE_URL ? undefined : await createTestDatabase('pglite');
  const runtime = await startServer(testConfig(config), { database });
  const seeded = await seedWorkspace(runtime);
  const server = await preview({
    root: builderRoot,
    logLevel: 'error',
    // The dashboard's production bundle, built once per run (e2e/global-setup.ts).
    build: { outDir: `${inject('e2eBundles')}/builder` },
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
