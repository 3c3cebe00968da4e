import { LOOP_STOPPED_LINE } from '@flowdesk/engine';
import { expect, test } from 'vitest';
// The runtime suite's flow of the same loop, checked there on the server side.
import { offlineLoop } from '../../runtime/test/fixtures/flows';
import { openNewFlow } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';
import { botSays } from './support/preview';

const { harness, page } = setupDashboard({ signedIn: true });

test('a draft looping through an offline handoff: the check names the loop, the preview stops at ten messages', async () => {
  await openNewFlow(page, harness, { name: 'Offline loop', draft: offlineLoop, block: 'handoff' });
  await page.getByRole('tab', { name: /Problems/ }).click();
  await page.locator('.problem-error', { hasText: 'loop that never waits' }).waitFor();

  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByLabel('Agents available').uncheck();
  await page.getByRole('button', { name: 'Restart' }).click();
  await botSays(page, LOOP_STOPPED_LINE).waitFor();
  const said = await page.locator('.preview-entry.from-bot').allTextContents();
  expect(said.length).toBeLessThanOrEqual(10);
  expect(said.at(-1)).toContain(LOOP_STOPPED_LINE);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-preview-loop-stopped.png` });
});
