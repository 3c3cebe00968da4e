import { expect, onTestFailed, test } from 'vitest';
import { sampleFlow } from '../src/editor/model/test-flow';
import { createFlowViaApi } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { harness, page, consoleErrors } = setupDashboard({ signedIn: true });

/** Publishes through the runtime API with the page's session (the bot's live flow becomes this one). */
const publish = (id: string) =>
  page.evaluate(async (flowId) => {
    const response = await fetch(`/api/admin/flows/${flowId}/publish`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'flowdesk' },
      body: JSON.stringify({ note: 'e2e' }),
    });
    if (!response.ok) throw new Error(`publish: ${response.status} ${await response.text()}`);
  }, id);

test('deletes a flow after confirming; the live flow cannot be deleted', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-flows-delete.png` });
  });
  const live = await createFlowViaApi(page, harness.seeded.botId, 'Live support', sampleFlow());
  await publish(live);
  await createFlowViaApi(page, harness.seeded.botId, 'Old experiment', sampleFlow());
  await page.reload();

  const liveDelete = page.getByRole('button', { name: 'Delete Live support' });
  await liveDelete.waitFor();
  expect(await liveDelete.isDisabled()).toBe(true);
  expect(await liveDelete.getAttribute('title')).toMatch(/Live flows cannot be deleted/);

  // Cancel keeps it.
  await page.getByRole('button', { name: 'Delete Old experiment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete flow' });
  await dialog.getByText('Old experiment').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/builder-flows-delete-confirm.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Old experiment' }).count()).toBe(1);

  await page.getByRole('button', { name: 'Delete Old experiment' }).click();
  await dialog.getByRole('button', { name: 'Delete flow' }).click();
  await page.getByText('Deleted “Old experiment”').waitFor();
  await expect.poll(() => page.getByRole('link', { name: 'Old experiment' }).count()).toBe(0);
  await page.getByRole('link', { name: 'Live support' }).waitFor();
  const names = await harness.runtime.db.selectFrom('flows').select('name').execute();
  expect(names.map((row) => row.name)).toEqual(['Live support']);
  expect(consoleErrors).toEqual([]);
});

test('a long flow name without spaces wraps in its column at 1024 px; the page does not scroll sideways', async () => {
  const name = 'customer_onboarding_for_enterprise_accounts_in_every_region_and_language_v2_final_reviewed';
  await createFlowViaApi(page, harness.seeded.botId, name, sampleFlow());
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await page.getByRole('link', { name }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const remove = (await page.getByRole('button', { name: `Delete ${name}` }).boundingBox())!;
  expect(remove.x + remove.width).toBeLessThanOrEqual(1024);
  await page.setViewportSize({ width: 1280, height: 800 });
});
