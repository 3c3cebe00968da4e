import type { Locator, Page } from 'playwright-core';

/** Locators inside the widget's open shadow root on the runtime's /demo page. */
export function demoWidget(page: Page) {
  const panel = page.locator('flowdesk-widget [role="dialog"]');
  return {
    panel,
    launcher: page.locator('flowdesk-widget button.launcher'),
    /** Any message row with this text, whoever wrote it. */
    row: (text: string | RegExp): Locator => panel.locator('.row').filter({ hasText: text }),
    /** What the bot, an agent or the system said, or an event line (not the visitor's rows). */
    says: (text: string | RegExp): Locator =>
      panel.locator('.row.bot, .row.agent, .row.system, .event-text').filter({ hasText: text }),
    button: (name: string) => panel.locator('.composer').getByRole('button', { name }),
  };
}

/**
 * A visitor on the runtime's /demo page, named through the SDK when `who` is given, opens the widget and
 * asks for a person; returns the widget's locators (demoWidget) with the conversation's id.
 */
export async function askForPersonOnDemo(page: Page, runtimeUrl: string, who?: { name: string; email: string }) {
  await page.goto(`${runtimeUrl}/demo`);
  if (who)
    await page.evaluate(
      (visitor) => (window as unknown as { Flowdesk: { identify(v: object): void } }).Flowdesk.identify(visitor),
      who,
    );
  const w = demoWidget(page);
  await w.launcher.click();
  await w.button('Talk to a human').click();
  return { ...w, conversationId: await demoConversationId(page) };
}

/** The conversation the demo widget on this page has started, as the widget keeps it in localStorage. */
export async function demoConversationId(page: Page): Promise<string> {
  const stored = await page.evaluate(() => localStorage.getItem('flowdesk:demo-bot'));
  return (JSON.parse(stored ?? '{}') as { conversationId: string }).conversationId;
}
