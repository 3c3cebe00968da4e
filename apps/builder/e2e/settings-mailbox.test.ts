import { expect, onTestFailed, test } from 'vitest';
// The runtime exports no seeding API for tests; its outbox is the supported way to queue an email.
import { enqueueEmail } from '../../runtime/src/email/outbox';
import { SCREENSHOTS, signInAsAdmin } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { harness, page } = setupDashboard();

/** Polls `read`, clicking Refresh before each try: the page does not reload its lists as the worker sends. */
const pollAfterRefresh = <T>(read: () => Promise<T>) =>
  expect.poll(
    async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      return read();
    },
    { timeout: 20_000, interval: 1000 },
  );

const HOSTILE_HTML =
  '<p>Hello <b id="greeting">Ada</b></p><script>parent.document.title = "pwned"; document.body.innerHTML = "ran"</script>';

test('the local mailbox shows a delivered email in a sandboxed frame; a failed email is retried and sent', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-mailbox.png`, fullPage: true });
  });
  const { db } = harness.runtime;
  const workspaceId = harness.seeded.workspaceId;
  const delivered = await enqueueEmail(db, {
    kind: 'needs_attention',
    to: 'ada@example.com',
    subject: 'Vera needs a human',
    html: HOSTILE_HTML,
    text: 'Hello Ada',
    workspaceId,
  });
  const failing = await enqueueEmail(db, {
    kind: 'transcript',
    to: 'visitor@example.com',
    subject: 'Your conversation with Acme',
    html: '<p>Transcript</p>',
    text: 'Transcript',
    workspaceId,
    // Due in an hour, so the worker cannot claim it before it is marked failed below.
    now: new Date(Date.now() + 3_600_000),
  });
  if (failing.status !== 'queued' || delivered.status !== 'queued') throw new Error('emails not queued');
  // What the worker leaves after a provider's permanent 4xx (the sender itself is covered in the runtime tests).
  await db
    .updateTable('email_outbox' as never)
    .set({ status: 'failed', attempts: 6, last_error: 'Resend 422: the to address is on a suppression list' } as never)
    .where('id' as never, '=', failing.id as never)
    .execute();

  await signInAsAdmin(page, harness);
  await page.goto(`${harness.appUrl}settings/mailbox`);
  const outbox = page.getByRole('table', { name: 'Outbox' });
  const failedRow = outbox.getByRole('row').filter({ hasText: 'Your conversation with Acme' });
  await expect.poll(() => failedRow.textContent()).toContain('suppression list');
  expect(await failedRow.textContent()).toContain('failed');

  // The worker delivers the first email to the local mailbox (no RESEND_API_KEY in tests).
  const mailItem = page
    .getByRole('list', { name: 'Local mailbox' })
    .getByRole('button', { name: /Vera needs a human/ });
  await pollAfterRefresh(() => mailItem.count()).toBe(1);
  await mailItem.click();
  const frame = page.frameLocator('iframe.mail-frame');
  await expect.poll(() => frame.locator('#greeting').textContent()).toBe('Ada');
  const iframe = page.locator('iframe.mail-frame');
  expect(await iframe.getAttribute('sandbox')).toBe('');
  expect(await page.locator('#greeting').count()).toBe(0);
  expect(await page.title()).not.toBe('pwned');
  expect(await frame.locator('body').textContent()).toContain('Hello Ada');

  await failedRow.getByRole('button', { name: /Retry/ }).click();
  await page.getByText('Queued to send again.').waitFor();
  await pollAfterRefresh(() => failedRow.textContent()).toMatch(/sent/);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-mailbox.png`, fullPage: true });
});
