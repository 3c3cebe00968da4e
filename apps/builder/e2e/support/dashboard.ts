import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, onTestFailed } from 'vitest';
import { launchBrowser, SCREENSHOTS, signInAsAdmin, type TestBrowser, watchConsole } from './browser';
import { type Harness, startHarness } from './harness';

export interface Dashboard {
  harness: Harness;
  page: Page;
  /** Console errors, page errors and failed responses seen so far. */
  consoleErrors: string[];
}

export interface DashboardOptions {
  /** Signs the seeded admin in and waits for the flows list before the file's tests. */
  signedIn?: boolean;
  /** The page's size; 1280×800 by default. */
  viewport?: { width: number; height: number };
  /** A screenshot of the page when a test fails: `<SCREENSHOTS>/<failureShots>-failure-<test name>.png`. */
  failureShots?: string;
}

/** Registers hooks that start a runtime + dashboard and a Chromium page for the test file. */
export function setupDashboard(options: DashboardOptions = {}): Dashboard {
  const dashboard = {} as Dashboard;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    dashboard.harness = await startHarness();
    browser = await launchBrowser();
    const viewport = options.viewport ?? { width: 1280, height: 800 };
    dashboard.page = await browser.newPage({ viewport, acceptDownloads: true });
    dashboard.consoleErrors = watchConsole(dashboard.page);
    if (options.signedIn) await signInAsAdmin(dashboard.page, dashboard.harness);
  });
  if (options.failureShots) {
    beforeEach((context) => {
      onTestFailed(async () => {
        const name = context.task.name.slice(0, 30).replace(/\W+/g, '-');
        await dashboard.page.screenshot({ path: `${SCREENSHOTS}/${options.failureShots}-failure-${name}.png` });
      });
    });
  }
  afterAll(async () => {
    await browser?.close();
    await dashboard.harness?.close();
  });
  return dashboard;
}
