import { beforeAll, expect, test } from 'vitest';
import { holdRequests } from '../../widget/e2e/hold-requests';
import { sampleFlow } from '../src/editor/model/test-flow';
import { savedDraft } from './support/admin-api';
import { openNewFlow } from './support/api';
import { node } from './support/canvas';
import { setupDashboard } from './support/dashboard';

const { harness, page, consoleErrors } = setupDashboard({ signedIn: true, failureShots: 'builder-autosave' });

beforeAll(async () => {
  // Time runs as usual; a test can stop it so the editor's delayed save never comes due on its own.
  await page.clock.install();
});

const DRAFT_SAVES = '**/api/admin/flows/*/draft';

const welcomeText = async (flowId: string) =>
  ((await savedDraft(page, flowId)).blocks.find((b) => b.id === 'welcome')!.data.content as { text: string }).text;

test('an edit made just before leaving the editor for the flows list is saved, not dropped', async () => {
  const flowId = await openNewFlow(page, harness, { name: 'Sample', draft: sampleFlow(), block: 'welcome' });
  await node(page, 'welcome').click();
  // The save waits 800 ms after an edit; with the clock stopped, only leaving the editor can send it.
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.locator('.inspector').getByLabel('Text', { exact: true }).fill('Saved on the way out');
  await page.getByTestId('save-status').filter({ hasText: 'Unsaved changes' }).waitFor();

  await page.getByRole('link', { name: 'Back to flows' }).click();
  await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
  await expect.poll(() => welcomeText(flowId)).toBe('Saved on the way out');
  await page.clock.resume();
  expect(consoleErrors).toEqual([]);
});

test('a flow renamed just before leaving the editor is listed under its new name', async () => {
  await openNewFlow(page, harness, { name: 'Sample', draft: sampleFlow(), block: 'welcome' });
  // The save sent on leaving is held until the flows page is up, so it lands after the list would be read.
  const release = await holdRequests(page, DRAFT_SAVES);
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByLabel('Flow name').fill('Billing questions');
  await page.getByRole('link', { name: 'Back to flows' }).click();
  await page.waitForURL(/\/flows$/);
  const listed = page.waitForResponse((r) => r.url().endsWith('/api/admin/flows') && r.request().method() === 'GET');
  await Promise.race([listed, page.getByText('Loading flows…').waitFor()]);
  release();
  await page.clock.resume();
  await page.getByRole('link', { name: 'Billing questions' }).waitFor();
  await page.unroute(DRAFT_SAVES);
  expect(consoleErrors).toEqual([]);
});

test("a second tab's save does not overwrite what another tab saved since it opened the flow", async () => {
  const flowId = await openNewFlow(page, harness, { name: 'Sample', draft: sampleFlow(), block: 'welcome' });
  const other = await page.context().newPage();
  await other.goto(page.url());
  await node(other, 'welcome').waitFor();

  await node(page, 'welcome').click();
  await page.locator('.inspector').getByLabel('Text', { exact: true }).fill('Written in the first tab');
  await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
  await expect.poll(() => welcomeText(flowId)).toBe('Written in the first tab');

  // The second tab still shows the flow as it opened it; its edit is refused, in words, instead of saved over.
  await node(other, 'welcome').click();
  await other.locator('.inspector').getByLabel('Text', { exact: true }).fill('Written in the second tab');
  await other.getByRole('alert').filter({ hasText: 'Someone else saved this flow meanwhile' }).waitFor();
  expect(await welcomeText(flowId)).toBe('Written in the first tab');
  await other.close();

  // The first tab goes on saving over its own saves.
  await page.locator('.inspector').getByLabel('Text', { exact: true }).fill('Still the first tab');
  await expect.poll(() => welcomeText(flowId)).toBe('Still the first tab');
  expect(consoleErrors).toEqual([]);
});
