import type { Locator, Page } from 'playwright-core';

/** Locators inside the widget's shadow root (Playwright's CSS and role engines pierce open shadow roots). */
export function widget(page: Page) {
  const host = page.locator('flowdesk-widget');
  const panel = host.locator('[role="dialog"]');
  return {
    host,
    panel,
    launcher: host.locator('button.launcher'),
    badge: host.locator('.badge'),
    log: panel.locator('[role="log"]'),
    composer: panel.locator('.composer'),
    banner: panel.locator('.banner'),
    /** The visitor's messages the runtime has not confirmed yet (shown as sending). */
    pending: panel.locator('.row.pending'),
    botSays: (text: string | RegExp): Locator => panel.locator('.row.bot, .row.agent').filter({ hasText: text }),
    visitorSaid: (text: string | RegExp): Locator => panel.locator('.row.visitor').filter({ hasText: text }),
    async send(text: string) {
      const field = panel.locator('.composer textarea, .composer input').last();
      await field.fill(text);
      await field.press('Enter');
    },
  };
}

/** Everything the page recorded through the SDK's `on()` (set up by the host page before the loader). */
export function sdkEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __events: string[] }).__events);
}

/** Records SDK events on window.__events, queued before the loader exists. */
export const RECORD_EVENTS = `
window.__events = [];
['open', 'close', 'message', 'handoff', 'resolved'].forEach(function (name) {
  window.Flowdesk.on(name, function (payload) {
    window.__events.push(name + (payload && payload.content ? ':' + payload.author + ':' + payload.content.type : ''));
  });
});
`;

/** SDK calls the host page makes before the loader has arrived; the loader replays them. */
export const QUEUED_SDK_CALLS = `
window.Flowdesk.setVariables({ plan: 'pro', seats: 12 });
window.Flowdesk.identify({ name: 'Vera Visitor', email: 'vera@example.com' });
`;
