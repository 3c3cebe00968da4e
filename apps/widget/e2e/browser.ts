import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const SCREENSHOTS = '/tmp/screenshots';

/** What a test file gets: contexts and pages of its own, all closed by `close()`. */
export type TestBrowser = Pick<Browser, 'newContext' | 'newPage'> & { close(): Promise<void> };

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

let workerChromium: Promise<Browser> | null = null;

/** This test worker's Chromium, started once: files of a worker run one after another, each in its own contexts. */
async function sharedChromium(): Promise<Browser> {
  const running = await workerChromium?.catch(() => null);
  if (running?.isConnected()) return running;
  // None yet, or it crashed or failed to start: a new one, so one file's lost browser does not fail the rest.
  workerChromium = launchChromium();
  return workerChromium;
}

/**
 * A browser for one test file: its contexts live in the worker's one Chromium (launching Chromium for every
 * file cost about a second of a 2-core machine each) and share nothing with other files' contexts.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await sharedChromium();
  const contexts = new Set<BrowserContext>();
  const own = (context: BrowserContext) => {
    contexts.add(context);
    context.once('close', () => contexts.delete(context));
    return context;
  };
  return {
    newContext: async (options) => own(await browser.newContext(options)),
    newPage: async (options) => (await own(await browser.newContext(options))).newPage(),
    close: async () => {
      await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)));
    },
  };
}

export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 390, height: 780 };
