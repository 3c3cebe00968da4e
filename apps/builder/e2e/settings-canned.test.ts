import { expect, test } from 'vitest';
import { SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { page, consoleErrors } = setupDashboard({ signedIn: true, viewport: { width: 1024, height: 800 } });

const LONG = 'Thanks for reaching out! Refunds are accepted within 30 days with the original receipt. '
  .repeat(12)
  .trim();

test('a long canned response stays one row with its buttons beside it; Edit still shows all of it', async () => {
  await page.evaluate(
    (text) =>
      fetch('/api/inbox/canned-responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'e2e' },
        body: JSON.stringify({ shortcut: 'refund-policy', title: 'Refund policy', text }),
      }),
    LONG,
  );
  await page.goto(`${new URL(page.url()).origin}/app/settings/canned-responses`);
  const row = page.getByRole('row').filter({ hasText: '/refund-policy' });
  await row.waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-canned-long.png`, fullPage: true });

  // Before: all ~1,000 characters stood in the row (over 900 px tall) and Edit/Delete floated outside its cells.
  const rowBox = await row.boundingBox();
  expect(rowBox?.height).toBeLessThan(120);
  const edit = row.getByRole('button', { name: 'Edit' });
  const editBox = await edit.boundingBox();
  expect(editBox && rowBox && editBox.y >= rowBox.y && editBox.y + editBox.height <= rowBox.y + rowBox.height).toBe(
    true,
  );
  expect(
    await row
      .getByRole('cell')
      .last()
      .evaluate((cell) => getComputedStyle(cell).display),
  ).toBe('table-cell');

  await edit.click();
  await expect
    .poll(() => page.getByRole('form', { name: 'Canned response' }).getByLabel('Text').inputValue())
    .toBe(LONG);
  expect(consoleErrors).toEqual([]);
});

test('deleting a canned response is asked first: Cancel keeps it, Delete removes it and says so', async () => {
  await page.goto(`${new URL(page.url()).origin}/app/settings/canned-responses`);
  const row = page.getByRole('row').filter({ hasText: '/refund-policy' });
  await row.getByRole('button', { name: 'Delete /refund-policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete /refund-policy?' });
  await dialog.getByText('“Refund policy” is no longer offered').waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await row.count()).toBe(1);

  await row.getByRole('button', { name: 'Delete /refund-policy' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByText('Deleted “/refund-policy”').waitFor();
  await expect.poll(() => row.count()).toBe(0);
  await page.getByText('No canned responses yet').waitFor();
  expect(consoleErrors).toEqual([]);
});
