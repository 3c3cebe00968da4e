import type { BrowserContext, Page } from 'playwright-core';
import { type FakeResendServer, startFakeResend } from '../../../runtime/test/fakes/resend-server';
import { launchBrowser, type TestBrowser, watchConsole } from './browser';
import { type Harness, startHarness } from './harness';

/** A dashboard whose runtime emails through the Resend SDK to the fake Resend server, and Chromium at 1440×900. */
export interface PeopleE2e {
  harness: Harness;
  fake: FakeResendServer;
  browser: TestBrowser;
  /** A fresh browser (its own cookies) on a 1440×900 page, with its console errors. */
  newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  /** The `nth` email delivered to `to` (waits for it). */
  email(to: string, nth: number): Promise<{ subject: string; html: string; text: string }>;
  /** The dashboard address of the link to `page` in an email (the runtime's PUBLIC_URL replaced by the app's). */
  link(email: { html: string }, page: 'accept-invite' | 'reset-password'): string;
  close(): Promise<void>;
}

export async function startPeopleE2e(): Promise<PeopleE2e> {
  const fake = await startFakeResend();
  const harness = await startHarness({ RESEND_API_KEY: 're_e2e_key', RESEND_BASE_URL: fake.baseUrl });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    harness,
    fake,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      return { context, page, errors: watchConsole(page) };
    },
    async email(to, nth) {
      const until = Date.now() + 30_000;
      for (;;) {
        const found = fake.delivered.filter((e) => [e.payload.to].flat().includes(to))[nth - 1];
        if (found)
          return { subject: found.payload.subject, html: found.payload.html ?? '', text: found.payload.text ?? '' };
        if (Date.now() > until) throw new Error(`no email #${nth} to ${to}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    link(email, page) {
      const match = new RegExp(`href="[^"]*/app/${page}\\?token=([^"&]+)"`).exec(email.html);
      if (!match?.[1]) throw new Error(`no ${page} link in the email`);
      return `${harness.appUrl}${page}?token=${match[1]}`;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await harness.close();
      await fake.close();
    },
  };
}
