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

/**
 * Registers hooks that start a runtime + dashboard and a Chromium page for the test file.
 * The file can take the parts at once, `const { harness, page, consoleErrors } = setupDashboard()`:
 * `harness` and `page` stand for the ones the file's beforeAll makes (see `late`), `consoleErrors` fills as the page runs.
 */
export function setupDashboard(options: DashboardOptions = {}): Dashboard {
  const made: { harness?: Harness; page?: Page } = {};
  const dashboard: Dashboard = {
    harness: late('harness', () => made.harness),
    page: late('page', () => made.page),
    consoleErrors: [],
  };
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    made.harness = await startHarness();
    browser = await launchBrowser();
    const viewport = options.viewport ?? { width: 1280, height: 800 };
    made.page = await browser.newPage({ viewport, acceptDownloads: true });
    watchConsole(made.page, dashboard.consoleErrors);
    if (options.signedIn) await signInAsAdmin(made.page, made.harness);
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
    await made.harness?.close();
  });
  return dashboard;
}

/**
 * Stands for the object `get` gives once the file's beforeAll has made it, so a test file can hold it from load time:
 * each property read goes to that object (methods bound to it). Read before then, it throws.
 */
function late<T extends object>(name: string, get: () => T | undefined): T {
  const target = (): T => {
    const value = get();
    if (!value) throw new Error(`The dashboard's ${name} is used before the test file's beforeAll made it`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const object = target();
      const value = Reflect.get(object, key, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
    has: (_, key) => Reflect.has(target(), key),
  });
}
