import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser, watchConsole } from './browser';
import { type Harness, startHarness } from './harness';

export interface Dashboard {
  harness: Harness;
  page: Page;
  /** Console errors, page errors and failed responses seen so far. */
  consoleErrors: string[];
}

/** Registers hooks that start a runtime + dashboard and a 1280×800 Chromium page for the test file. */
export function setupDashboard(): Dashboard {
  const dashboard = {} as Dashboard;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    dashboard.harness = await startHarness();
    browser = await launchBrowser();
    dashboard.page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    dashboard.consoleErrors = watchConsole(dashboard.page);
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard.harness?.close();
  });
  return dashboard;
}
