import { expect, test } from 'vitest';
import { SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { page, consoleErrors } = setupDashboard({ signedIn: true });

const teamNames = () =>
  page.evaluate(() =>
    fetch('/api/admin/teams')
      .then((r) => r.json())
      .then((a: { teams: Array<{ name: string }> }) => a.teams.map((t) => t.name)),
  );

test('deleting a team is asked first (the default team says handoffs go unassigned); Cancel keeps it', async () => {
  await page.goto(`${new URL(page.url()).origin}/app/settings/teams`);
  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.getByLabel('Team name').fill('Escalations');
  await teams.getByRole('button', { name: 'Add team' }).click();
  const card = page.locator('fieldset.team-card').filter({ hasText: 'Escalations' });
  await card.getByText('Default').waitFor(); // the first team is the default

  await card.getByRole('button', { name: 'Delete team Escalations' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the team Escalations?' });
  await dialog.getByText(/Its people stay in the workspace/).waitFor();
  await dialog.getByText(/It is the default team: handoffs without a team will stay unassigned/).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-team-delete.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await teamNames()).toContain('Escalations');

  await card.getByRole('button', { name: 'Delete team Escalations' }).click();
  await dialog.getByRole('button', { name: 'Delete team' }).click();
  await page.getByText('Team Escalations deleted.').waitFor();
  await expect.poll(() => card.count()).toBe(0);
  expect(await teamNames()).not.toContain('Escalations');
  expect(consoleErrors).toEqual([]);
});

test('a team name that is refused (already taken) stays in the box with the reason', async () => {
  await page.goto(`${new URL(page.url()).origin}/app/settings/teams`);
  const teams = page.getByRole('region', { name: 'Teams' });
  const name = teams.getByLabel('Team name');
  await name.fill('Billing');
  await teams.getByRole('button', { name: 'Add team' }).click();
  await page.locator('fieldset.team-card').filter({ hasText: 'Billing' }).waitFor();
  await expect.poll(() => name.inputValue()).toBe('');

  await name.fill('Billing');
  await teams.getByRole('button', { name: 'Add team' }).click();
  await page.getByText('A team with this name exists').waitFor();
  expect(await name.inputValue()).toBe('Billing');
});
