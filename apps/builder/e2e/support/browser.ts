import type { Page } from 'playwright-core';
import type { Harness } from './harness';

// One Chromium launcher (Debian's, with the project's flags) for every app's browser tests.
export { launchBrowser, SCREENSHOTS, type TestBrowser } from '../../../widget/e2e/browser';

/**
 * Collects console errors, page errors and failed HTTP responses so a test can assert there were none.
 * The one expected failure is the session check before signing in (401 from /api/auth/me).
 * They go into `errors` when given (a list the caller already holds), else into a new list.
 */
export function watchConsole(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    const expected = response.status() === 401 && response.url().endsWith('/api/auth/me');
    if (response.status() >= 400 && !expected)
      errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

export async function login(page: Page, appUrl: string, email: string, password: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs the harness's seeded admin in on `page` and waits for the flows list they land on. */
export async function signInAsAdmin(page: Page, harness: Harness): Promise<void> {
  await login(page, harness.appUrl, harness.seeded.admin.email, harness.seeded.admin.password);
  await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
}
