import { supportBotFlow } from '@flowdesk/engine';
import { expect, test } from 'vitest';
import { holdRequests } from '../../widget/e2e/hold-requests';
import { openNewFlow } from './support/api';
import { setupDashboard } from './support/dashboard';
import { botReplies, botSays, pickChoice } from './support/preview';

const { harness, page, consoleErrors } = setupDashboard({ signedIn: true, failureShots: 'builder-preview-follow' });

/** How far the transcript's end is below what it shows (0 when scrolled to the end). */
const hiddenBelow = () =>
  page
    .locator('.preview-transcript')
    .evaluate((element) => Math.round(element.scrollHeight - element.scrollTop - element.clientHeight));

test('the preview stays at the end of the chat when a handoff’s summary arrives after the bot’s last messages', async () => {
  await openNewFlow(page, harness, { name: 'Support bot', draft: supportBotFlow, block: 'menu' });
  await page.getByRole('tab', { name: 'Preview' }).click();
  await botSays(page, 'What can I help you with?').waitFor();
  // The runtime writes the summary while the bot has already said its last words.
  const release = await holdRequests(page, '**/api/admin/ai/preview-summary');
  await pickChoice(page, 'Technical help');
  await botReplies(page, 'My printer shows error E42 after the update', 'Let me get someone from the team');
  await page.locator('.from-status', { hasText: 'Waiting for an agent' }).waitFor();
  await expect.poll(hiddenBelow).toBeLessThanOrEqual(1);

  const summaryCall = page.waitForResponse((r) => r.url().endsWith('/api/admin/ai/preview-summary'));
  release();
  await summaryCall;
  await page.locator('.preview-handoff-ai-summary').waitFor();
  await expect.poll(hiddenBelow).toBeLessThanOrEqual(1);
  await page.unroute('**/api/admin/ai/preview-summary');

  expect(consoleErrors).toEqual([]);
});
