import { type RunningServer, startServer, testConfig } from '@flowdesk/runtime';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
// The runtime's own test helper: a scratch PostgreSQL database, dropped afterwards.
import { createScratchPostgres } from '../../../runtime/test/db';
import { login } from './browser';

/** The demo seed's logins (SEED_DEMO). */
export const DEMO_AGENT = { email: 'agent@example.com', password: 'demo-agent-123', name: 'Sam Agent' };
export const DEMO_ADMIN = { email: 'admin@example.com', password: 'demo-admin-123', name: 'Ada Admin' };

/** Signs the demo agent in on the live dashboard at `runtimeUrl` and waits for the inbox they land on. */
export async function signInAsDemoAgent(page: Page, runtimeUrl: string): Promise<void> {
  await login(page, `${runtimeUrl}/app/`, DEMO_AGENT.email, DEMO_AGENT.password);
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
}

export interface LiveRuntime {
  runtime: RunningServer;
  close(): Promise<void>;
}

/**
 * A runtime on a scratch PostgreSQL database with the demo workspace, serving this run's production
 * dashboard (/app/) and widget (/widget/, /demo) bundles (e2e/global-setup.ts). `env`: more runtime settings
 * (e.g. the fake Resend's).
 */
export async function startLiveRuntime(env: Record<string, string> = {}): Promise<LiveRuntime> {
  const dir = inject('e2eBundles');
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
