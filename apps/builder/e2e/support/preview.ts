import type { Locator, Page } from 'playwright-core';

/** The flow editor's Preview tab, where the draft's bot chats with the admin as a visitor. */

/** The bot's messages in the preview that contain `text`. */
export const botSays = (page: Page, text: string | RegExp): Locator =>
  page.locator('.preview-entry.from-bot', { hasText: text });

/** Types a visitor message into the preview and sends it with the Send button. */
export async function sendToBot(page: Page, text: string) {
  await page.getByLabel('Message to the bot').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** Sends `text` in the preview and waits for the bot's message that contains `reply`. */
export async function botReplies(page: Page, text: string, reply: string | RegExp) {
  await sendToBot(page, text);
  await botSays(page, reply).waitFor();
}

/** Clicks one of the buttons the bot offers in the preview. */
export const pickChoice = (page: Page, label: string) =>
  page.locator('.preview-choices').getByRole('button', { name: label }).click();
