import { expect, onTestFailed, test } from 'vitest';
import { login, SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { harness, page, consoleErrors } = setupDashboard();

test('a spent sign-in budget shows how long to wait on the sign-in page, even with the right password', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-sign-in-limit.png` });
  });
  const { email, password } = harness.seeded.admin;
  // Ten wrong passwords for this account from this address (the budget), straight to the runtime.
  for (let i = 0; i < 10; i++) {
    const response = await fetch(`${harness.runtime.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'fetch' },
      body: JSON.stringify({ email, password: `guess-${i}` }),
    });
    expect(response.status).toBe(401);
  }
  await login(page, harness.appUrl, email, password);
  const alert = page.getByRole('alert');
  // The address and account budget's 15-minute window, in words a person reads.
  await alert.getByText('Too many sign-in attempts; try again in 15 min', { exact: true }).waitFor();
  await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/sign-in-limit.png` });
  expect(consoleErrors.splice(0)).toEqual([expect.stringMatching(/^429 POST .*\/api\/auth\/login$/)]);
});
