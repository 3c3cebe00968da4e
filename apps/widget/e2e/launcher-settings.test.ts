import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP } from './browser';
import { api } from './runtime-api';
import { useStack } from './stack';
import { widget } from './widget-page';

const stack = useStack();

interface BotJson {
  id: string;
  settings: Record<string, unknown>;
}

/** Every runtime path the page asked for, in order. */
function recordRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

const background = (page: Page) => widget(page).launcher.evaluate((el) => getComputedStyle(el).backgroundColor);

describe("the launcher takes the bot's dashboard settings before any chat is loaded", () => {
  it('draws the bot colour, side and label on a plain page without chat.js or a session', async () => {
    const s = stack.current;
    const path = `/api/admin/bots/${s.botId}`;
    const { bot } = await api<{ bot: BotJson }>(s.runtime.url, s.admin, 'GET', path);
    await api(s.runtime.url, s.admin, 'PATCH', path, {
      settings: {
        ...bot.settings,
        theme: { primaryColor: '#be123c', position: 'left' },
        strings: { openChat: 'Ask Acme' },
      },
    });

    const context = await s.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    page.on('pageerror', (error) => s.pageErrors.push(error.message));
    const requests = recordRequests(page);
    await page.goto(s.hostPage.url);
    const w = widget(page);
    await w.launcher.waitFor({ state: 'visible' });
    // Normally already true when it becomes visible; polled in case a loaded machine ran out the short wait.
    await expect.poll(() => background(page)).toBe('rgb(190, 18, 60)');
    expect((await w.launcher.boundingBox())?.x).toBe(20);
    expect(await w.launcher.getAttribute('aria-label')).toBe('Ask Acme');

    expect(requests).toContain(`/api/public/bots/${s.botId}/widget`);
    expect(requests.filter((p) => p.endsWith('/chat.js') || p.endsWith('/sessions'))).toEqual([]);
    expect(await page.evaluate(() => '__flowdeskChat' in window)).toBe(false);
    expect(await w.panel.count()).toBe(0);

    // Opening the chat keeps what the launcher already showed.
    await w.launcher.click();
    await w.botSays('What can I help you with?').waitFor();
    expect(await background(page)).toBe('rgb(190, 18, 60)');
    expect(requests.some((p) => p.endsWith('/chat.js'))).toBe(true);
    await context.close();
  });

  it('still lets the page config override the bot settings', async () => {
    const s = stack.current;
    const page2 = await s.hostPageWith({
      config: { theme: { primaryColor: '#0f766e' }, position: 'right', strings: { openChat: 'Chat with us' } },
    });
    const context = await s.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    page.on('pageerror', (error) => s.pageErrors.push(error.message));
    const requests = recordRequests(page);
    await page.goto(page2.url);
    const w = widget(page);
    await w.launcher.waitFor({ state: 'visible' });
    await expect.poll(() => requests.includes(`/api/public/bots/${s.botId}/widget`)).toBe(true);
    // The bot's answer has been applied by the time the page is idle; the page's choices stay.
    await page.waitForLoadState('networkidle');
    expect(await background(page)).toBe('rgb(15, 118, 110)');
    expect((await w.launcher.boundingBox())?.x).toBe(DESKTOP.width - 20 - 56);
    expect(await w.launcher.getAttribute('aria-label')).toBe('Chat with us');
    await context.close();
    await page2.close();
  });
});
