import { expect, onTestFailed, test } from 'vitest';
import { SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { page } = setupDashboard({ signedIn: true });

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

test('an admin closes today in the office hours; the live preview and the runtime say closed', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-office-hours.png`, fullPage: true });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Office hours' }).click();

  const preview = page.getByTestId('office-preview');
  await expect.poll(() => preview.textContent()).toContain('Open now');
  await page.getByLabel('Always open (no schedule)').uncheck();
  await page.getByLabel('Time zone').selectOption('UTC');

  const now = new Date();
  const today = now.getUTCDay();
  const later = (today + 2) % 7;
  // Weekdays start 09:00-17:00; without today's range nothing is open now (no range crosses midnight).
  const todayRange = page.getByRole('button', { name: `Remove ${DAYS[today]} range 1` });
  if (await todayRange.count()) await todayRange.click();
  // The day two days on may or may not have hours yet (weekdays do, weekends do not): one more range either way.
  const rangesOnLater = () => page.getByLabel(new RegExp(`^${DAYS[later]} range \\d+ opens$`)).count();
  const before = await rangesOnLater();
  await page.getByRole('button', { name: `Add hours on ${DAYS[later]}` }).click();
  await expect.poll(rangesOnLater).toBe(before + 1);
  const holiday = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Closed on').fill(holiday);
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await page.getByRole('button', { name: `Remove holiday ${holiday}` }).waitFor();
  await page.getByLabel('Always the same words').check();
  await page.getByLabel('We usually reply in').selectOption('a few minutes');

  await expect
    .poll(() => preview.textContent(), { timeout: 10_000 })
    .toMatch(/^Closed now\.Opens .+ at 09:00 \((UTC|.+ time)\)$/);
  await page.getByRole('button', { name: 'Save office hours' }).click();
  await page.getByText('Office hours saved.').waitFor();
  await expect.poll(() => preview.textContent()).toMatch(/^Closed now\./);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-office-hours.png`, fullPage: true });

  const saved = await page.evaluate(async () => {
    const response = await fetch('/api/admin/office-hours', { headers: { Accept: 'application/json' } });
    return response.json();
  });
  expect(saved.preview.open).toBe(false);
  expect(saved.settings.schedule.timezone).toBe('UTC');
  expect(saved.settings.schedule.weekly[KEYS[today]!]).toBeUndefined();
  expect(saved.settings.schedule.holidays).toEqual([holiday]);
  expect(saved.settings.replyTime).toEqual({ mode: 'manual', bucket: 'a few minutes' });
  expect(saved.replyTime).toBe('a few minutes');

  // After a reload the page shows what the runtime stored.
  await page.reload();
  await expect.poll(() => preview.textContent()).toMatch(/^Closed now\./);
  await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe('UTC');
});

test('notifications: my toggles and the workspace rules are saved through the runtime', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-notifications.png`, fullPage: true });
  });
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Notifications' })
    .click();
  const mentioned = page.getByRole('switch', { name: /Mentioned in a note/ });
  await expect.poll(() => mentioned.isChecked()).toBe(true);
  await mentioned.press('Space');
  await expect.poll(() => mentioned.isChecked()).toBe(false);
  await page.getByLabel(/Escalate to admins/).fill('45');
  await page.getByRole('button', { name: 'Save workspace rules' }).click();
  await page.getByText('Workspace notifications saved.').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-notifications.png`, fullPage: true });
  const stored = await page.evaluate(async () => {
    const get = (path: string) => fetch(path, { headers: { Accept: 'application/json' } }).then((r) => r.json());
    return { prefs: await get('/api/email/preferences'), settings: await get('/api/email/settings') };
  });
  expect(stored.prefs.preferences.mentioned).toBe(false);
  expect(stored.prefs.preferences.needs_attention).toBe(true);
  expect(stored.settings.settings.slaMinutes).toBe(45);
});

test('a team overrides the workspace hours (always open) and then follows them again', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-team-hours.png`, fullPage: true });
  });
  const teamId = await page.evaluate(async () => {
    const response = await fetch('/api/admin/teams', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'flowdesk' },
      body: JSON.stringify({ name: 'Night shift', memberIds: [], isDefault: false }),
    });
    return ((await response.json()) as { team: { id: string } }).team.id;
  });
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Office hours' }).click();
  await page.reload();
  await page.getByLabel('Hours for').selectOption({ label: 'Team: Night shift' });
  await page.getByRole('heading', { name: 'This team follows the workspace hours' }).waitFor();
  await page.getByRole('button', { name: 'Set hours for this team' }).click();
  await page.getByLabel('Always open (no schedule)').check();
  await expect.poll(() => page.getByTestId('office-preview').textContent()).toBe('Open now');
  await page.getByRole('button', { name: 'Save office hours' }).click();
  await page.getByText('Office hours saved.').waitFor();
  await page.getByRole('button', { name: 'Use workspace hours' }).waitFor();

  const read = (id: string | null) =>
    page.evaluate(
      async (query) => {
        const response = await fetch(`/api/admin/office-hours${query}`, { headers: { Accept: 'application/json' } });
        return (await response.json()) as { settings: { schedule: unknown } | null; preview: { open: boolean } };
      },
      id ? `?teamId=${id}` : '',
    );
  const team = await read(teamId);
  expect(team.settings?.schedule).toBeNull();
  expect(team.preview.open).toBe(true);
  expect((await read(null)).preview.open).toBe(false);

  await page.getByRole('button', { name: 'Use workspace hours' }).click();
  await page.getByRole('heading', { name: 'This team follows the workspace hours' }).waitFor();
  const after = await read(teamId);
  expect(after.settings).toBeNull();
  expect(after.preview.open).toBe(false);
});

test('on a phone (375 px) the office hours fit the screen: no sideways scroll, every time field in view', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  try {
    await page.goto(`${new URL(page.url()).origin}/app/settings/office-hours`);
    const always = page.getByLabel('Always open (no schedule)');
    await always.waitFor();
    if (await always.isChecked()) await always.uncheck();
    const closes = page.getByLabel(/^Monday range 1 closes$/);
    if (!(await closes.count())) await page.getByRole('button', { name: 'Add hours on Monday' }).click();
    await closes.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-office-hours-375.png`, fullPage: true });
    // Before: the two cards stayed side by side (the right one at least 280 px): the status and the time fields
    // ran off the right edge, out of reach.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = await closes.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    const save = await page.getByRole('button', { name: 'Save office hours' }).boundingBox();
    expect(save && save.x + save.width <= 375).toBe(true);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});
