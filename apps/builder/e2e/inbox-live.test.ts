import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { login, SCREENSHOTS, watchConsole } from './support/browser';
import { askForPersonOnDemo } from './support/demo-widget';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_ADMIN as ADMIN, DEMO_AGENT as AGENT } from './support/live-runtime';

const live = withLiveDashboard();

/** Records every desktop notification the page shows (the real Notification still runs; permission granted). */
const RECORD_NOTIFICATIONS = `
  window.__notifications = [];
  const Real = window.Notification;
  window.Notification = new Proxy(Real, {
    construct(target, args) {
      window.__notifications.push({ title: args[0], body: args[1] && args[1].body });
      return new target(...args);
    },
  });
`;

/** A signed-in dashboard on the inbox, 1440×900. */
async function dashboard(who: typeof AGENT) {
  const context = await live.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['notifications'], { origin: live.runtime.url });
  await context.addInitScript(RECORD_NOTIFICATIONS);
  const page = await context.newPage();
  await login(page, `${live.runtime.url}/app/`, who.email, who.password);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  if (who === ADMIN) await page.getByRole('link', { name: /Conversations/ }).click();
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
  return { page, errors: watchConsole(page) };
}

const rowOf = (page: Page, id: string) => page.locator(`.inbox-row[data-conversation-id="${id}"]`);
const favicon = (page: Page) => page.locator('link[rel~="icon"]').getAttribute('data-unread');

describe('the inbox is always right: two dashboards of one agent and an admin, live', () => {
  it('read state, counts, tab title, favicon, notifications and presence update everywhere without a reload', async () => {
    const a = await dashboard(AGENT);
    const b = await dashboard(AGENT);
    const admin = await dashboard(ADMIN);
    onTestFailed(async () => {
      await a.page.screenshot({ path: `${SCREENSHOTS}/inbox-live-failure-a.png` });
      await b.page.screenshot({ path: `${SCREENSHOTS}/inbox-live-failure-b.png` });
      await admin.page.screenshot({ path: `${SCREENSHOTS}/inbox-live-failure-admin.png` });
    });
    await expect.poll(() => a.page.title()).toBe('Conversations · Flowdesk');

    // A named visitor asks for a person on the demo site, then writes.
    const context = await live.newContext({ viewport: { width: 1100, height: 760 } });
    const visitor = await context.newPage();
    const { panel, conversationId: id } = await askForPersonOnDemo(visitor, live.runtime.url, {
      name: 'Jane Doe',
      email: 'jane@example.com',
    });
    const textarea = panel.locator('.composer textarea');
    await textarea.fill(
      'My parcel #4417 never arrived and the tracking page has said "out for delivery" for nine days now, please help me, it is a present for my daughter’s birthday on Saturday',
    );
    await textarea.press('Enter');

    // Both of the agent's dashboards: the row with its unread badge, the counts, the tab title, the favicon dot.
    for (const dash of [a, b]) {
      await rowOf(dash.page, id).locator('.unread-dot').waitFor();
      await expect.poll(() => dash.page.getByRole('tab', { name: /Needs agent/ }).textContent()).toBe('Needs agent1');
      await expect.poll(() => dash.page.title()).toBe('(1) Conversations · Flowdesk');
      await expect.poll(() => favicon(dash.page)).toBe('true');
    }
    // The notification names the visitor and quotes (cut short) what they wrote.
    const notes = () => b.page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications);
    await expect.poll(notes).toContainEqual({ title: 'Jane Doe needs an agent', body: expect.stringMatching(/^“/) });
    await expect
      .poll(async () => JSON.stringify(await notes()))
      .toContain('“My parcel #4417 never arrived and the tracking page has said \\"out for delivery\\" for nine days');
    const quoted = ((await notes()) as Array<{ body: string }>)
      .map((n) => n.body)
      .find((body) => body.includes('4417'));
    expect(quoted!.length).toBeLessThanOrEqual(122);
    expect(quoted!.endsWith('…”')).toBe(true);
    await b.page.screenshot({ path: `${SCREENSHOTS}/inbox-live-01-unread-title.png` });

    // A opens it: its badge clears at once there, and on B (no reload) through the socket; title and favicon too.
    const opened = Date.now();
    await rowOf(a.page, id).click();
    await a.page.locator('.msg-visitor').filter({ hasText: 'parcel #4417' }).waitFor();
    await expect.poll(() => rowOf(a.page, id).locator('.unread-dot').count(), { timeout: 2000 }).toBe(0);
    await expect.poll(() => rowOf(b.page, id).locator('.unread-dot').count(), { timeout: 3000 }).toBe(0);
    console.log(`read state reached the second dashboard after ${Date.now() - opened} ms`);
    await expect.poll(() => b.page.title()).toBe('Conversations · Flowdesk');
    await expect.poll(() => favicon(b.page)).toBe('false');
    await expect.poll(() => a.page.title()).toBe('Conversation · Flowdesk');
    await b.page.screenshot({ path: `${SCREENSHOTS}/inbox-live-02-read-elsewhere.png` });

    // The admin looks at it: the assignee's presence label follows Sam's status live.
    await admin.page.getByRole('tab', { name: /^All/ }).click();
    await rowOf(admin.page, id).click();
    const reply = a.page.getByLabel('Reply to the visitor');
    await reply.fill('Hi Jane, Sam here. Let me look up parcel #4417.');
    await reply.press('Enter');
    await a.page.locator('.msg-agent').filter({ hasText: 'parcel #4417' }).waitFor();
    const label = admin.page.locator('.conversation-header .presence-label');
    await expect.poll(() => label.textContent()).toBe('With Sam Agent · online');

    // After the reply the conversation is "With agent": it stays in A's "Needs agent" list while A is on it,
    // and leaves B's (B is not on it). The counts follow on both.
    await expect.poll(() => rowOf(a.page, id).locator('.status-badge').textContent()).toBe('With agent');
    await expect.poll(() => rowOf(b.page, id).count()).toBe(0);
    for (const dash of [a, b])
      await expect.poll(() => dash.page.getByRole('tab', { name: /Needs agent/ }).textContent()).toBe('Needs agent0');
    await a.page.screenshot({ path: `${SCREENSHOTS}/inbox-live-03-stays-after-reply.png` });

    await a.page.getByLabel('My status').selectOption('away');
    await expect.poll(() => label.textContent(), { timeout: 3000 }).toBe('With Sam Agent · away');
    await expect
      .poll(() => admin.page.getByLabel('Assignee').locator('option:checked').textContent())
      .toBe('Sam Agent ◐ away');
    await admin.page.screenshot({ path: `${SCREENSHOTS}/inbox-live-04-presence-away.png` });
    await a.page.getByLabel('My status').selectOption('online');
    await expect.poll(() => label.textContent(), { timeout: 3000 }).toBe('With Sam Agent · online');

    // A moves on (back to the list): the conversation leaves the "Needs agent" view.
    await a.page.getByRole('link', { name: /Conversations/ }).click();
    await expect.poll(() => rowOf(a.page, id).count()).toBe(0);
    // The notification and the title are text: nothing the visitor wrote became markup.
    expect(await a.page.locator('.inbox-row-preview b').count()).toBe(0);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });
});
