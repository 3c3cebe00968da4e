import type { RunningServer } from '@flowdesk/runtime';
import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser';
import { type LiveRuntime, startLiveRuntime } from './live-runtime';

export interface LiveDashboard {
  readonly runtime: RunningServer;
  readonly browser: TestBrowser;
  /** A browser context closed after the file's tests. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * A file's live runtime (PostgreSQL, demo workspace, built dashboard and widget) and its Chromium, started
 * before its tests and closed after them with every context opened through it. `env`: more runtime settings,
 * worked out first (e.g. a fake Resend started for them); `close`: what to stop after the runtime.
 */
export function withLiveDashboard(
  options: { env?: () => Promise<Record<string, string>> | Record<string, string>; close?: () => Promise<void> } = {},
): LiveDashboard {
  let live: LiveRuntime | undefined;
  let browser: TestBrowser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    live = await startLiveRuntime(await options.env?.());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await live?.close();
    await options.close?.();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the live dashboard is not started yet (use it inside tests or hooks)');
    return value;
  };
  return {
    get runtime() {
      return started(live).runtime;
    },
    get browser() {
      return started(browser);
    },
    async newContext(contextOptions) {
      const context = await started(browser).newContext(contextOptions);
      contexts.push(context);
      return context;
    },
  };
}
