import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { loginHeaders } from '../../runtime/test/fixtures/accounts';
import { TestVisitor } from '../../runtime/test/fixtures/visitor';
import { addDays, todayIn } from '../src/analytics/date-range';
import { login, SCREENSHOTS, watchConsole } from './support/browser';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_ADMIN as ADMIN, DEMO_AGENT as AGENT, signInAsDemoAgent } from './support/live-runtime';

const BOT = 'demo-bot';
const seeded: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

async function newPage() {
  const context = await live.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  return context.newPage();
}

/** A new page signed in as the demo admin; a failing test leaves a screenshot of it named `failureShot`. */
async function adminPage(failureShot: string) {
  const page = await newPage();
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/${failureShot}.png` });
  });
  await login(page, `${live.runtime.url}/app/`, ADMIN.email, ADMIN.password);
  return page;
}

/** A visitor of the demo bot; `human` picks "Talk to a human" (an agent is online, so it is handed off). */
async function visitor(human: boolean) {
  const v = new TestVisitor(live.runtime.url, BOT);
  await v.start();
  await v.historyWhen((messages) => messages.some((m) => JSON.stringify(m.content).includes('What can I help')));
  if (human) expect((await v.pick('human', 'Talk to a human')).conversation.status).toBe('needs_agent');
  return v.conversationId;
}

const live = withLiveDashboard();

beforeAll(async () => {
  // Four conversations today: A stays with the bot; B, C, D are handed off from the flow's handoff block.
  // C gets an answer and is resolved; D is resolved without a word (left without an answer); B still waits.
  const agent = await loginHeaders(live.runtime.url, AGENT.email, AGENT.password);
  const admin = await loginHeaders(live.runtime.url, ADMIN.email, ADMIN.password);
  const call = async (headers: Record<string, string>, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${live.runtime.url}${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  };
  // Both people online (the admin's dashboard would set it anyway once its socket connects).
  await call(agent, 'PUT', '/api/inbox/presence', { status: 'online' });
  await call(admin, 'PUT', '/api/inbox/presence', { status: 'online' });
  seeded.a = await visitor(false);
  seeded.b = await visitor(true);
  seeded.c = await visitor(true);
  seeded.d = await visitor(true);
  await call(admin, 'POST', `/api/inbox/conversations/${seeded.c}/messages`, { text: 'Hello, I can help.' });
  await call(admin, 'POST', `/api/inbox/conversations/${seeded.c}/resolve`);
  await call(admin, 'POST', `/api/inbox/conversations/${seeded.d}/resolve`);
});

const card = (page: Page, label: string) => page.locator(`.analytics-card[data-figure="${label}"]`);

describe('the analytics overview end to end (live runtime on PostgreSQL, Chromium)', () => {
  it('shows the seeded figures, switches the range, downloads the CSV', async () => {
    const page = await adminPage('analytics-failure');
    const errors = watchConsole(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();

    // Last 30 days (the default) holds the four conversations.
    await expect.poll(() => card(page, 'Conversations').locator('.analytics-card-value').textContent()).toBe('4');
    expect(await page.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed')).toBe('true');
    expect(await card(page, 'Handoff rate').locator('.analytics-card-value').textContent()).toBe('75%');
    expect(await card(page, 'Handoff rate').locator('.analytics-card-detail').textContent()).toBe(
      '3 handed to a person',
    );
    expect(await card(page, 'Resolved by the bot').locator('.analytics-card-value').textContent()).toBe('0%');
    // A stays with the bot, unresolved: the detail counts resolutions ('0 without a handoff' read as if all four
    // had been handed off).
    expect(await card(page, 'Resolved by the bot').locator('.analytics-card-detail').textContent()).toBe(
      '0 resolved with no handoff',
    );
    expect(await card(page, 'Left without an answer').locator('.analytics-card-value').textContent()).toBe('1');
    expect(await card(page, 'First response (median)').locator('.analytics-card-detail').textContent()).toMatch(
      / · 1 measured$/,
    );
    expect(await card(page, 'Resolution (median)').locator('.analytics-card-detail').textContent()).toMatch(
      / · 2 measured$/,
    );
    // Handoffs by reason and block: the charts and their text lists.
    const byReason = page.locator('figure').filter({ hasText: 'Handoffs by reason' });
    await byReason.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await byReason.locator('li').allTextContents()).toEqual(['Handoff block: 3']);
    expect(
      await page.locator('figure').filter({ hasText: 'Handoffs by block' }).locator('li').allTextContents(),
    ).toEqual(['Human handoff: 3']);
    // The heatmap: all four started in one hour of today.
    const heat = page.locator('.analytics-heatmap td[title]');
    expect(await heat.count()).toBe(7 * 24);
    const busy = await page.locator('.analytics-heatmap td.heat-4').getAttribute('title');
    expect(busy).toMatch(/: 4$/);
    // Live strip: B waits; the agent and the admin are online.
    await expect.poll(() => page.locator('[data-live="waiting"]').textContent()).toBe('1');
    expect(await page.locator('[data-live="online"]').textContent()).toBe('2');
    expect(await page.getByRole('region', { name: 'Right now' }).textContent()).toContain('2 agents online');
    // Per agent and team: routing gave the handoffs to the online agent of Support; C and D count for them.
    const holder = (table: number, name: string) =>
      page
        .locator('.analytics-people')
        .nth(table)
        .getByRole('row', { name: new RegExp(name) })
        .locator('td');
    expect(await holder(0, AGENT.name).first().textContent()).toBe('2');
    expect(await holder(1, 'Support').first().textContent()).toBe('2');
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-01-overview.png` });
    await page.locator('.analytics-people').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-01b-heatmap-people.png` });

    // The CSV of the range: one line per conversation, C resolved by a person.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const file = await download;
    const lines = readFileSync((await file.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]!.split(',')).toContain('resolved_by');
    expect(lines).toHaveLength(5);
    const header = lines[0]!.split(',');
    const rowOfC = lines.find((line) => line.startsWith(seeded.c))!.split(',');
    expect(rowOfC[header.indexOf('status')]).toBe('resolved');
    expect(rowOfC[header.indexOf('resolved_by')]).toBe('human');
    expect(rowOfC[header.indexOf('handoff_reason')]).toBe('flow');

    // A custom range that ends yesterday: nothing in it, and the page says so.
    const timeZone = (await page.locator('.page-header p').textContent())!.split(' in ').pop()!;
    const today = todayIn(timeZone);
    await page.getByRole('button', { name: 'Custom' }).click();
    await page.getByLabel('From').fill(addDays(today, -10));
    await page.getByLabel('To').fill(addDays(today, -1));
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('heading', { name: 'No conversations in this range' }).waitFor();
    // An end before the start is explained, not sent.
    await page.getByLabel('To').fill(addDays(today, -20));
    await page.getByRole('alert').filter({ hasText: 'The end day must not be before the start day.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-02-empty-range.png` });

    // Back to 7 days: the four again; a bot filter with the demo bot keeps them.
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await expect.poll(() => card(page, 'Conversations').locator('.analytics-card-value').textContent()).toBe('4');
    await page.getByLabel('Bot').selectOption(BOT);
    await expect.poll(() => page.url()).toContain('/analytics');
    await expect.poll(() => card(page, 'Conversations').locator('.analytics-card-value').textContent()).toBe('4');
    expect(errors).toEqual([]);
  });

  it("the flow editor's analytics mode shows per block who reached it, left there, was handed off", async () => {
    const page = await adminPage('analytics-canvas-failure');
    await page.getByRole('heading', { name: 'Flows', level: 1 }).waitFor();
    const errors = watchConsole(page);
    await page.goto(`${live.runtime.url}/app/flows/demo-support-flow`);
    await page.getByTestId('block-menu').waitFor();
    expect(await page.locator('.block-figures').count()).toBe(0);
    const toggle = page.getByRole('button', { name: 'Analytics' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const figures = async (blockId: string) => {
      const box = page.getByTestId(`figures-${blockId}`);
      await box.waitFor();
      const read = (name: string) => box.locator(`[data-figure="${name}"]`).textContent();
      return [await read('reached'), await read('dropped'), await read('handed')];
    };
    // All four reached the menu; A stopped there (the bot still waits for it); B, C, D went on to the handoff.
    expect(await figures('start')).toEqual(['4', '0', '0']);
    expect(await figures('menu')).toEqual(['4', '1', '0']);
    // The canvas draws only blocks in view: fit the whole flow.
    await page.locator('.react-flow__controls-fitview').click();
    expect(await figures('handoff')).toEqual(['3', '0', '3']);
    // A block nobody reached shows zeros, never a negative drop-off.
    expect(await figures('ask_pricing')).toEqual(['0', '0', '0']);
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-04-canvas.png` });
    await toggle.click();
    await expect.poll(() => page.locator('.block-figures').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('on a phone (375 px) every card shows its whole label and the handoff charts draw their bars', async () => {
    const page = await adminPage('analytics-phone-failure');
    await page.getByRole('heading', { name: 'Flows', level: 1 }).waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${live.runtime.url}/app/analytics`);
    await expect.poll(() => card(page, 'Conversations').locator('.analytics-card-value').textContent()).toBe('4');
    // No label or figure runs out of its card (three cards a row clipped "Conversations" under its neighbour).
    const overflowing = await page
      .locator('.analytics-card')
      .evaluateAll((cards) =>
        cards.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.getAttribute('data-figure')),
      );
    expect(overflowing).toEqual([]);
    // Each chart has room for its bar beside the labels (side by side, the bars had none).
    for (const title of ['Handoffs by reason', 'Handoffs by block']) {
      const bar = page.locator('figure').filter({ hasText: title }).locator('.recharts-bar-rectangle').first();
      await bar.waitFor();
      expect((await bar.boundingBox())!.width, title).toBeGreaterThan(40);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-09-phone.png`, fullPage: true });
  });

  it('keeps the range and filters through a reload', async () => {
    const page = await adminPage('analytics-reload-failure');
    await page.getByRole('heading', { name: 'Flows', level: 1 }).waitFor();
    await page.goto(`${live.runtime.url}/app/analytics`);
    await expect.poll(() => card(page, 'Conversations').locator('.analytics-card-value').textContent()).toBe('4');
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await page.getByLabel('Bot').selectOption(BOT);
    await page.getByLabel('Channel').selectOption('api');
    await page.getByLabel('Count office hours only').check();
    await expect.poll(() => page.url()).toContain('officeHoursOnly=true');
    // A reload (or the link sent to a colleague) shows the same figures, not the last 30 days of everything.
    await page.reload();
    await expect.poll(() => card(page, 'Conversations').locator('.analytics-card-value').textContent()).toBe('4');
    expect(await page.getByRole('button', { name: 'Last 7 days' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel('Bot').inputValue()).toBe(BOT);
    expect(await page.getByLabel('Channel').inputValue()).toBe('api');
    expect(await page.getByLabel('Count office hours only').isChecked()).toBe(true);
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toContain('channel=api');
  });

  it('an agent has no Analytics entry and is told the page is not for their role', async () => {
    const page = await newPage();
    await signInAsDemoAgent(page, live.runtime.url);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).count()).toBe(
      0,
    );
    await page.goto(`${live.runtime.url}/app/analytics`);
    await page.getByRole('heading', { name: 'Not available for your role' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-03-agent.png` });
  });

  it('a typed "human please" counts under its intent and channel; the canvas shows the match and takes a range', async () => {
    // E comes through the widget (its header) and types the global intent's phrase: handed off by intent.
    const e = new TestVisitor(live.runtime.url, BOT, undefined, { 'x-flowdesk-client': 'widget' });
    await e.start();
    await e.historyWhen((messages) => messages.some((m) => JSON.stringify(m.content).includes('What can I help')));
    expect((await e.say('human please')).conversation.status).toBe('needs_agent');

    const page = await adminPage('analytics-intents-failure');
    await page.getByRole('heading', { name: 'Flows', level: 1 }).waitFor();
    const errors = watchConsole(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await expect.poll(() => card(page, 'Conversations').locator('.analytics-card-value').textContent()).toBe('5');
    const byIntent = page.locator('figure').filter({ hasText: 'Handoffs by intent' });
    await byIntent.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await byIntent.locator('li').allTextContents()).toEqual(['Talk to a human: 1']);
    await byIntent.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-05-by-intent.png` });
    // The seeded four used the API without the widget's header; E the widget.
    await page.getByLabel('Channel').selectOption('widget');
    await expect.poll(() => card(page, 'Conversations').locator('.analytics-card-value').textContent()).toBe('1');
    expect(await card(page, 'Handoff rate').locator('.analytics-card-value').textContent()).toBe('100%');
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-06-channel-widget.png` });
    await page.getByLabel('Channel').selectOption('api');
    await expect.poll(() => card(page, 'Conversations').locator('.analytics-card-value').textContent()).toBe('4');
    await page.getByLabel('Channel').selectOption('email');
    await page.getByRole('heading', { name: 'No conversations in this range' }).waitFor();
    expect(errors).toEqual([]);

    // The canvas: the global trigger shows how often its intent matched; a range that ends yesterday is empty.
    await page.goto(`${live.runtime.url}/app/flows/demo-support-flow`);
    await page.getByTestId('block-menu').waitFor();
    await page.getByRole('button', { name: 'Analytics' }).click();
    await page.locator('.react-flow__controls-fitview').click();
    const reached = (blockId: string) =>
      page.getByTestId(`figures-${blockId}`).locator('[data-figure="reached"]').textContent();
    await expect.poll(() => reached('handoff')).toBe('4');
    const matched = page.getByTestId('intents-human_trigger');
    expect(await matched.locator('li').allTextContents()).toEqual(['Talk to a human 1']);
    expect(await page.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-07-canvas-intents.png` });
    const today = todayIn(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone));
    const picker = page.locator('.canvas-analytics-range');
    await picker.getByRole('button', { name: 'Custom' }).click();
    await picker.getByLabel('From').fill(addDays(today, -10));
    await picker.getByLabel('To').fill(addDays(today, -2));
    await picker.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => reached('handoff')).toBe('0');
    expect(await page.getByTestId('intents-human_trigger').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-08-canvas-range.png` });
    await picker.getByRole('button', { name: 'Last 7 days' }).click();
    await expect.poll(() => reached('handoff')).toBe('4');
    expect(errors).toEqual([]);
  });
});
