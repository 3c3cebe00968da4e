import { expect, onTestFailed, test } from 'vitest';
import { login, SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { harness, page, consoleErrors } = setupDashboard();

test("a wrong password shows the runtime's message; the right one opens the dashboard", async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-login.png` });
  });
  await login(page, harness.appUrl, harness.seeded.admin.email, 'not-the-password');
  await page.getByRole('alert').waitFor();
  const message = await page.getByRole('alert').textContent();
  expect(message?.length).toBeGreaterThan(5);
  expect(consoleErrors.splice(0)).toEqual([expect.stringMatching(/^401 POST .*\/api\/auth\/login$/)]);

  await page.getByLabel('Password').fill(harness.seeded.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Flows' }).getAttribute('aria-current')).resolves.toBe('page');
  await expect(nav.getByRole('link', { name: 'Settings' }).isVisible()).resolves.toBe(true);
  // Assistive technology can jump past the navigation: the page is the main landmark.
  await page.getByRole('main').getByRole('heading', { name: 'Flows', exact: true }).waitFor();
});

test('the settings page shows the embed code with the real bot id and saves the bot', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-settings.png` });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const snippet = page.locator('pre.snippet');
  await snippet.waitFor();
  const code = (await snippet.textContent()) ?? '';
  expect(code).toContain(`"botId":"${harness.seeded.botId}"`);
  expect(code).toContain('/widget/loader.js');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-08-settings.png` });

  await page.getByLabel('Name shown in the chat header').fill('Acme help');
  await page.getByLabel(/Websites allowed/).fill('https://www.acme.example');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Bot settings saved.').waitFor();
  const bot = await harness.runtime.db
    .selectFrom('bots')
    .selectAll()
    .where('id', '=', harness.seeded.botId)
    .executeTakeFirstOrThrow();
  expect(bot.name).toBe('Acme help');
  expect(bot.allowed_origins).toEqual(['https://www.acme.example']);

  await page.getByLabel(/Websites allowed/).fill('not a website');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.toast-error').waitFor();
  expect(consoleErrors.splice(0)).toEqual([expect.stringMatching(/^400 PATCH /)]);
});

test('on a 1024 px laptop the settings fit: no tab label on two lines, nothing cut off at the right', async () => {
  await page.setViewportSize({ width: 1024, height: 768 });
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const tabs = page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link');
    await tabs.first().waitFor();
    const heights = await tabs.evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(5);
    // One line of text and its padding: a wrapped label is about twice as tall.
    for (const height of heights) expect(height).toBeLessThan(heights[0]! * 1.2);
    expect(heights[0]).toBeLessThan(45);
    // Bot & embed: the snippet's long lines scroll inside it; the page and its Copy button fit the window.
    await page.locator('pre.snippet').scrollIntoViewIfNeeded();
    expect(await page.getByRole('main').evaluate((main) => main.scrollWidth - main.clientWidth)).toBeLessThanOrEqual(0);
    const copy = await page.getByRole('button', { name: /Copy/ }).boundingBox();
    expect(copy!.x + copy!.width).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-1024.png` });
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('on a phone every admin page fits the screen: icons-only navigation, wide tables scroll inside', async () => {
  await page.setViewportSize({ width: 375, height: 667 });
  try {
    const main = page.getByRole('main');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const fits = async (name: string) => {
      await main.getByRole('heading', { level: 1 }).waitFor();
      // Loaded: the page's tables and lists are in (the live socket does not count as loading).
      await page.waitForLoadState('networkidle');
      expect(await main.evaluate((el) => el.scrollWidth - el.clientWidth), name).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), name).toBeLessThanOrEqual(0);
    };
    for (const name of ['Flows', 'Analytics', 'Knowledge', 'Settings']) {
      await nav.getByRole('link', { name }).click();
      await fits(name);
    }
    for (const name of ['Teams & people', 'Audit log']) {
      await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name }).click();
      await main.locator('table, .people-list').first().waitFor();
      await fits(name);
    }
    // The navigation keeps its links, named, as icons: the page has the rest of the width.
    expect((await nav.getByRole('link', { name: 'Settings' }).boundingBox())!.width).toBeLessThan(60);
    expect(await main.evaluate((el) => el.clientWidth)).toBeGreaterThan(300);
    await page.screenshot({ path: `${SCREENSHOTS}/builder-phone-audit.png` });
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('an unknown address inside the app says so instead of a blank page', async () => {
  await page.goto(`${harness.appUrl}nowhere`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  expect(consoleErrors).toEqual([]);
});
