import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser';
import { type HostPage, type HostPageOptions, startHostPage } from './host-page';
import { api, demoCredentials, login, type Session } from './runtime-api';
import { type RuntimeProcess, startRuntime } from './runtime-process';
import { QUEUED_SDK_CALLS, RECORD_EVENTS } from './widget-page';

export interface Stack {
  runtime: RuntimeProcess;
  browser: TestBrowser;
  hostPage: HostPage;
  /** Another host page for the stack's bot, e.g. with a page config or more pages; the caller closes it. */
  hostPageWith(options: Omit<HostPageOptions, 'runtimeUrl' | 'botId'>): Promise<HostPage>;
  botId: string;
  admin: Session;
  agent: Session;
  /** Calls the runtime's API as the demo agent (inbox) or admin. */
  asAgent<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** A new page in `context` at `url` (the host page by default), its uncaught errors kept in pageErrors. */
  openPage(context: BrowserContext, url?: string): Promise<Page>;
  /** Uncaught errors of any page opened with openPage; checked empty after each test. */
  pageErrors: string[];
}

/**
 * One runtime process (fresh embedded database, demo bot and logins), one Chromium and one hostile
 * host page carrying the snippet, for the whole test file. `env`: more runtime settings, read when the
 * stack starts (after the file's earlier `beforeAll` hooks, so fakes they start can be pointed at).
 */
export function useStack(options: { env?: () => Record<string, string> } = {}): { current: Stack } {
  const holder = { current: undefined as unknown as Stack };
  beforeAll(async () => {
    const [runtime, browser] = await Promise.all([startRuntime(options.env?.()), launchBrowser()]);
    const creds = demoCredentials(runtime.output());
    const [admin, agent] = await Promise.all([
      login(runtime.url, creds.admin.email, creds.admin.password),
      login(runtime.url, creds.agent.email, creds.agent.password),
    ]);
    const { bots } = await api<{ bots: { id: string }[] }>(runtime.url, admin, 'GET', '/api/admin/bots');
    const botId = bots[0]!.id;
    const hostPage = await startHostPage({
      runtimeUrl: runtime.url,
      botId,
      beforeLoad: RECORD_EVENTS + QUEUED_SDK_CALLS,
    });
    holder.current = {
      runtime,
      browser,
      hostPage,
      hostPageWith: (more) => startHostPage({ runtimeUrl: runtime.url, botId, ...more }),
      botId,
      admin,
      agent,
      asAgent: (method, path, body) => api(runtime.url, agent, method, path, body),
      pageErrors: [],
      async openPage(context, url = hostPage.url) {
        const page = await context.newPage();
        page.on('pageerror', (error) => holder.current.pageErrors.push(error.message));
        await page.goto(url);
        return page;
      },
    };
  });
  afterEach(() => {
    expect(holder.current?.pageErrors ?? []).toEqual([]);
  });
  afterAll(async () => {
    const s = holder.current;
    await s?.browser.close();
    await s?.hostPage.close();
    await s?.runtime.stop();
  });
  return holder;
}

/** The conversation id the widget stored for this bot in the page's localStorage. */
export async function storedConversationId(page: Page, botId: string): Promise<string> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), `flowdesk:${botId}`);
  const id = (JSON.parse(raw ?? '{}') as { conversationId?: string }).conversationId;
  if (!id) throw new Error('no conversation stored');
  return id;
}
