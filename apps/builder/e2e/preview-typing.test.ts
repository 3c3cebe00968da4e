import { supportBotFlow } from '@flowdesk/engine';
import { beforeEach, expect, onTestFailed, test } from 'vitest';
import { openNewFlow } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';
import { botSays } from './support/preview';

// Issue 18: the preview behaves like the widget at a button step (the widget now keeps its text box too,
// see apps/widget/e2e/typing-at-buttons.test.ts): label, then intents, then the no-match path.
const { harness, page } = setupDashboard({ signedIn: true });

beforeEach(async (context) => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-preview-typing-${context.task.id}.png` });
  });
  await openNewFlow(page, harness, { name: 'Support bot', draft: supportBotFlow, block: 'menu' });
  await page.getByRole('tab', { name: 'Preview' }).click();
  await botSays(page, 'What can I help you with?').waitFor();
});

/** Waits for the handoff's message: connecting, or offline when no agent is there. */
const handedOff = () =>
  page
    .locator('.preview-entry', { hasText: /Connecting you with our support team|We're offline right now/ })
    .first()
    .waitFor();

async function type(text: string) {
  const field = page.getByLabel('Message to the bot');
  await field.fill(text);
  await field.press('Enter');
}

test('typing "talk to a human" at the main menu hands off, as in the widget', async () => {
  await expect(page.locator('.preview-choices button').count()).resolves.toBe(3);
  await type('talk to a human');
  await handedOff();
});

test("an intent is matched by the runtime's matcher, as in a live chat, not by the preview's own word overlap", async () => {
  // Shares only "speak" with "can I speak to someone": the preview's overlap (0.5) missed it; a live chat hands off.
  await type('Could I speak with a representative?');
  await page
    .locator('.preview-entry.from-note', { hasText: 'Recognised intent “Talk to a human” (by the offline matcher' })
    .waitFor();
  await handedOff();
});

test('a typed label with a typo follows its button; a question typed at a menu is answered', async () => {
  await type('pricng');
  await botSays(page, 'What would you like to know about our plans?').waitFor();
  await type('How much does the Pro plan cost per month?');
  await botSays(page, 'Anything else I can help with?').waitFor();
  await type('How do I reset my password?');
  await botSays(page, 'Forgot password').waitFor();
  await expect
    .poll(() => page.locator('.preview-entry', { hasText: 'Anything else I can help with?' }).count())
    .toBe(2);
  await expect(
    page.locator('.preview-choices').getByRole('button', { name: 'Another question' }).isVisible(),
  ).resolves.toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-preview-typed-question.png` });
  await type('another questoin');
  await botSays(page, 'Go ahead, what is your question?').waitFor();
});
