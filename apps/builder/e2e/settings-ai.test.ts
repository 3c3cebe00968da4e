import { expect, onTestFailed, test } from 'vitest';
import { SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { harness, page } = setupDashboard({ signedIn: true });

test('the AI settings tab shows the active provider (offline without a key)', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-settings-ai.png`, fullPage: true });
  });
  await page.goto(`${harness.appUrl}settings/ai`);
  const card = page.getByRole('region', { name: 'AI provider' });
  await card.getByRole('heading', { name: 'Active provider: Offline NLP' }).waitFor();
  expect(await card.textContent()).toContain('OPENAI_BASE_URL');
  expect(await page.getByRole('link', { name: 'AI', exact: true }).count()).toBe(1);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-ai.png`, fullPage: true });
});
