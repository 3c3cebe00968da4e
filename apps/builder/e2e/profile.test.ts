import { beforeAll, expect, onTestFailed, test } from 'vitest';
import { adminApi } from './support/admin-api';
import { login, SCREENSHOTS, signInAsAdmin } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { harness, page, consoleErrors } = setupDashboard();

/** A 2×2 PNG served for the avatar addresses below (no network in tests). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPwd3sKRAwQCgAnDgXpGMvyuAAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  await page.route('https://avatars.example/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
  );
});

const chip = () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Your profile/ });
const form = () => page.getByRole('form', { name: 'Your profile' });
const userRow = (email: string) =>
  harness.runtime.db
    .selectFrom('users')
    .select(['name', 'avatar_url'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();

test('the user chip opens “Your profile”: name and avatar URL with a live preview, http(s) only', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-profile.png` });
  });
  await signInAsAdmin(page, harness);
  await expect(chip().locator('.avatar').textContent()).resolves.toBe('A');
  await chip().click();
  await form().waitFor();
  expect(page.url()).toMatch(/\/settings\/profile$/);
  await expect(form().getByLabel('Name').inputValue()).resolves.toBe('Ada Admin');
  const save = form().getByRole('button', { name: 'Save profile' });
  await expect(save.isDisabled()).resolves.toBe(true); // nothing changed yet

  const preview = form().locator('.profile-preview .avatar');
  await form().getByLabel('Avatar URL').fill('javascript:alert(1)');
  await form().getByText('Use an address starting with http:// or https://').waitFor();
  await expect(save.isDisabled()).resolves.toBe(true);
  await expect(preview.evaluate((el) => el.tagName)).resolves.toBe('SPAN'); // never an <img> for it

  await form().getByLabel('Name').fill('Ada Lovelace');
  await form().getByLabel('Avatar URL').fill('https://avatars.example/ada.png');
  await expect.poll(() => preview.getAttribute('src')).toBe('https://avatars.example/ada.png');
  await expect.poll(() => preview.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(2);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-profile-form.png` });
  await save.click();
  await page.getByText('Profile saved').waitFor();
  expect(await userRow(harness.seeded.admin.email)).toEqual({
    name: 'Ada Lovelace',
    avatar_url: 'https://avatars.example/ada.png',
  });
  // The sidebar shows the new name and picture at once, and after a reload.
  await expect.poll(() => chip().locator('img.avatar').getAttribute('src')).toBe('https://avatars.example/ada.png');
  await expect(chip().locator('.user-name').textContent()).resolves.toContain('Ada Lovelace');
  await page.reload();
  await expect.poll(() => chip().locator('img.avatar').getAttribute('src')).toBe('https://avatars.example/ada.png');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-profile-saved.png` });

  // Emptying the field removes the picture: the initial is back.
  await form().getByLabel('Avatar URL').fill('');
  await form().getByRole('button', { name: 'Save profile' }).click();
  await expect.poll(async () => (await userRow(harness.seeded.admin.email)).avatar_url).toBeNull();
  await expect.poll(() => chip().locator('.avatar').textContent()).toBe('A');
  expect(consoleErrors).toEqual([]);
});

test('an agent edits their own profile from the same menu', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-profile-agent.png` });
  });
  await adminApi(page, 'POST', '/api/admin/users', {
    email: 'sam@example.com',
    name: 'Sam Agent',
    password: 'correct-horse-44',
    role: 'agent',
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await login(page, harness.appUrl, 'sam@example.com', 'correct-horse-44');
  await chip().click();
  await form().getByLabel('Avatar URL').fill('https://avatars.example/sam.png');
  await form().getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Profile saved').waitFor();
  expect(await userRow('sam@example.com')).toEqual({
    name: 'Sam Agent',
    avatar_url: 'https://avatars.example/sam.png',
  });
  await page.screenshot({ path: `${SCREENSHOTS}/builder-profile-agent.png` });
  // Settings, opened by its address: an agent lands on the first tab they may open, not on "Not available".
  await page.goto(`${harness.appUrl}settings`);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/app/settings/profile');
  await form().getByLabel('Avatar URL').waitFor();
  expect(consoleErrors).toEqual([]);
});
