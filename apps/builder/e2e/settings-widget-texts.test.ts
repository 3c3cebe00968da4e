import type { Page } from 'playwright-core';
import { afterAll, expect, onTestFailed, test } from 'vitest';
import { startHostPage } from '../../widget/e2e/host-page';
import { widget } from '../../widget/e2e/widget-page';
import { SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';

const { harness, page, consoleErrors } = setupDashboard({ signedIn: true });
const pages: Page[] = [];

afterAll(async () => {
  for (const p of pages) await p.context().close();
});

test("the bot's colour and widget texts set on the settings page reach the embedded chat", async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-widget-texts.png`, fullPage: true });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();

  await page.getByLabel('Colour').fill('#0f766e');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Bot settings saved.').waitFor();

  const texts = page.getByRole('form', { name: 'Widget texts' });
  // Every text of the widget is offered, with the English default as the placeholder.
  expect(await texts.locator('input').count()).toBeGreaterThan(30);
  expect(await texts.getByLabel('Message box placeholder').getAttribute('placeholder')).toBe('Type your message…');
  await texts.getByLabel('Header title').fill('Soporte Acme');
  await texts.getByLabel('Message box placeholder').fill('Escribe tu mensaje…');
  await texts.getByLabel('Chat button (open)').fill('Abrir el chat');
  // Empty, the header title is the bot's name, and the placeholder says which.
  const botName = await page.getByLabel('Name shown in the chat header').inputValue();
  expect(await texts.getByLabel('Header title').getAttribute('placeholder')).toBe(botName);
  await texts.getByRole('button', { name: 'Save texts' }).click();
  await page.getByText('Widget texts saved.').waitFor();
  // Set, it is what the header shows: the name's field says so, rather than promising the name.
  await page.getByText('The chat header shows the Header title “Soporte Acme” from the widget texts below').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/builder-settings-widget-texts.png`, fullPage: true });

  const stored = await harness.runtime.db
    .selectFrom('bots')
    .select('settings')
    .where('id', '=', harness.seeded.botId)
    .executeTakeFirstOrThrow();
  expect(stored.settings.theme?.primaryColor).toBe('#0f766e');
  expect(stored.settings.strings).toMatchObject({ title: 'Soporte Acme', openChat: 'Abrir el chat' });

  // A site with the plain snippet (no theme or strings of its own): the bot's settings apply.
  const site = await startHostPage({ runtimeUrl: harness.runtime.url, botId: harness.seeded.botId });
  const visitor = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 1280, height: 800 } });
  pages.push(visitor);
  await visitor.goto(site.url);
  const w = widget(visitor);
  await w.launcher.click();
  await expect.poll(() => w.panel.locator('#fd-title').textContent()).toBe('Soporte Acme');
  expect(await w.composer.locator('textarea').getAttribute('placeholder')).toBe('Escribe tu mensaje…');
  const teal = 'rgb(15, 118, 110)';
  expect(await w.panel.locator('.header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(teal);
  expect(await w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(teal);
  await visitor.screenshot({ path: `${SCREENSHOTS}/builder-widget-texts-chat.png`, animations: 'disabled' });
  await w.panel.getByRole('button', { name: 'Close chat' }).click();
  expect(await w.launcher.getAttribute('aria-label')).toBe('Abrir el chat');

  // Clearing a text goes back to the widget's default.
  await texts.getByLabel('Message box placeholder').fill('');
  await texts.getByRole('button', { name: 'Save texts' }).click();
  await page.getByText('Widget texts saved.').last().waitFor();
  await expect
    .poll(async () => {
      const row = await harness.runtime.db
        .selectFrom('bots')
        .select('settings')
        .where('id', '=', harness.seeded.botId)
        .executeTakeFirstOrThrow();
      return row.settings.strings?.placeholder;
    })
    .toBe('');
  await visitor.reload();
  await w.launcher.click();
  await expect.poll(() => w.panel.locator('#fd-title').textContent()).toBe('Soporte Acme');
  expect(await w.composer.locator('textarea').getAttribute('placeholder')).toBe('Type your message…');
  expect(consoleErrors).toEqual([]);
  await site.close();
});
