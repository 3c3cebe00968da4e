import { beforeAll, expect, onTestFailed, test } from 'vitest';
import { retryDelayMs } from '../src/editor/hooks/retry-delay';
import { sampleFlow } from '../src/editor/model/test-flow';
import { savedDraft } from './support/admin-api';
import { openNewFlow } from './support/api';
import { SCREENSHOTS, signInAsAdmin } from './support/browser';
import { node } from './support/canvas';
import { setupDashboard } from './support/dashboard';

const { harness, page } = setupDashboard();

const DRAFT_SAVES = '**/api/admin/flows/*/draft';

/**
 * Watches the page's draft saves (PUT) and returns when each was tried; with `refuse`, the first `times` of them
 * are answered with that status and error instead of reaching the runtime.
 */
async function watchDraftSaves(refuse?: { times: number; status: number; code: string; message: string }) {
  const attempts: number[] = [];
  await page.route(DRAFT_SAVES, async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    attempts.push(Date.now());
    if (refuse && attempts.length <= refuse.times)
      return route.fulfill({
        status: refuse.status,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: refuse.code, message: refuse.message } }),
      });
    return route.continue();
  });
  return attempts;
}

beforeAll(async () => {
  // Time runs as usual; a test can jump it forward to fire the page's due timers at once.
  await page.clock.install();
  await signInAsAdmin(page, harness);
});

test('a failed save is retried on its own, with a longer pause after each failure, until it succeeds', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-autosave-retry.png` });
  });
  const flowId = await openNewFlow(page, harness, { name: 'Sample', draft: sampleFlow(), block: 'welcome' });

  // The first two saves fail (the runtime is unreachable); later ones go through.
  const attempts = await watchDraftSaves({
    times: 2,
    status: 503,
    code: 'unavailable',
    message: 'Service unavailable',
  });

  await node(page, 'welcome').click();
  await page.locator('.inspector').getByLabel('Text', { exact: true }).fill('Saved after a retry');
  const status = page.getByTestId('save-status');
  await status.filter({ hasText: 'Not saved — retrying automatically' }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/builder-autosave-retrying.png` });

  // No further edit: the retries alone get the change to the server.
  await status.filter({ hasText: 'All changes saved' }).waitFor({ timeout: 20_000 });
  expect(attempts).toHaveLength(3);
  const [first, second, third] = attempts as [number, number, number];
  expect(second - first).toBeGreaterThanOrEqual(1900); // 2 s after the first failure
  expect(third - second).toBeGreaterThanOrEqual(3900); // 4 s after the second
  const draft = await savedDraft(page, flowId);
  expect(draft.blocks.find((b) => b.id === 'welcome')!.data).toMatchObject({
    content: { type: 'text', text: 'Saved after a retry' },
  });
  await page.unroute(DRAFT_SAVES);
});

test('a refusal that waiting cannot fix (400) is not retried on its own; the next edit saves', async () => {
  const flowId = await openNewFlow(page, harness, { name: 'Sample', draft: sampleFlow(), block: 'welcome' });
  const attempts = await watchDraftSaves({ times: 1, status: 400, code: 'invalid_request', message: 'Invalid draft' });
  await node(page, 'welcome').click();
  const text = page.locator('.inspector').getByLabel('Text', { exact: true });
  await text.fill('Refused once');
  const status = page.getByTestId('save-status');
  await status.filter({ hasText: 'Not saved — retrying on next change' }).waitFor();
  // Past the first automatic retry's pause: a retry would now be on its way, ahead of the next edit's save
  // (saves run one after another), so the next edit would be the third attempt.
  await page.clock.fastForward(retryDelayMs(1) + 1000);
  expect(attempts).toHaveLength(1);
  await text.fill('Refused once, then saved');
  await status.filter({ hasText: 'All changes saved' }).waitFor();
  expect(attempts).toHaveLength(2);
  const draft = await savedDraft(page, flowId);
  expect(draft.blocks.find((b) => b.id === 'welcome')!.data).toMatchObject({
    content: { type: 'text', text: 'Refused once, then saved' },
  });
  await page.unroute(DRAFT_SAVES);
});

// Issue 20: undo then redo within a second brought the document back to the saved one, and the status
// stayed "Unsaved changes" for good (the autosave returned early without saying it was saved).
test('undo then redo within a second ends on "All changes saved", not "Unsaved changes" forever', async () => {
  await openNewFlow(page, harness, { name: 'Sample', draft: sampleFlow(), block: 'welcome' });
  await node(page, 'welcome').click();
  await page.locator('.inspector').getByLabel('Text', { exact: true }).fill('Edited once');
  const status = page.getByTestId('save-status');
  await status.filter({ hasText: 'All changes saved' }).waitFor();

  const puts = await watchDraftSaves();
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await undo.click();
  await expect.poll(() => status.textContent()).toBe('Unsaved changes');
  await redo.click(); // well within the autosave delay: back to what the server has
  await expect.poll(() => status.textContent()).toBe('All changes saved');
  // Past the autosave delay: a save still scheduled would go now, ahead of the next edit's (one at a time).
  await page.clock.fastForward(2000);
  expect(await status.textContent()).toBe('All changes saved');
  await page.locator('.inspector').getByLabel('Text', { exact: true }).fill('Edited twice');
  await expect.poll(() => puts.length).toBe(1);
  await status.filter({ hasText: 'All changes saved' }).waitFor();
  expect(puts).toHaveLength(1); // only the real edit was sent: undo + redo had nothing to send
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${SCREENSHOTS}/builder-autosave-undo-redo.png` });
  await page.unroute(DRAFT_SAVES);
});
