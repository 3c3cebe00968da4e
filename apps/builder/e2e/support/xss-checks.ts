import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestBrowser } from './browser';
import { armTripwire, payloadElementsInPage, type Tripwire } from './xss-tripwire';

/**
 * The checks every XSS surface goes through: tripwired pages (a payload that runs is recorded), payloads shown
 * literally, no element made from a payload; counts the payload × surface checks for the figures.
 */
export function xssChecks(browser: () => TestBrowser) {
  const contexts: BrowserContext[] = [];
  const wires: Tripwire[] = [];
  /** Surface name → payloads checked there. */
  const tried = new Map<string, number>();

  const expectNothingRan = () => {
    for (const wire of wires) {
      expect(wire.hits).toEqual([]);
      expect(wire.dialogs).toEqual([]);
      expect(wire.pageErrors).toEqual([]);
    }
  };

  /** Each text appears literally in what the surface shows, and no payload ran anywhere so far. */
  const expectShown = (surface: string, shown: string, texts: readonly string[]) => {
    for (const text of texts) expect(shown, `${surface} shows ${JSON.stringify(text)}`).toContain(text);
    expectNothingRan();
    tried.set(surface, (tried.get(surface) ?? 0) + texts.length);
  };

  return {
    expectNothingRan,
    expectShown,
    /** A tripwired page in its own browser context. */
    async openPage(width = 1280, height = 800): Promise<Page> {
      const context = await browser().newContext({ viewport: { width, height } });
      contexts.push(context);
      wires.push(await armTripwire(context));
      return context.newPage();
    },
    /** Asserts each text shows literally in `where`, no payload made an element, and nothing ran so far. */
    async expectInert(surface: string, page: Page, where: Locator, texts: readonly string[]) {
      expect(await payloadElementsInPage(page), surface).toEqual([]);
      expectShown(surface, (await where.allTextContents()).join('\n'), texts);
    },
    /** A page whose tripwire is its own (not checked by expectNothingRan): for proving the tripwire fires. */
    async canaryPage(): Promise<{ page: Page; wire: Tripwire }> {
      const context = await browser().newContext();
      contexts.push(context);
      const wire = await armTripwire(context);
      return { page: await context.newPage(), wire };
    },
    /** Prints the figures (once something was checked) and closes every page. */
    async close(payloads: number) {
      if (tried.size > 0) {
        const total = [...tried.values()].reduce((a, b) => a + b, 0);
        console.log(
          [
            `xss figures: ${payloads} payloads, ${tried.size} surfaces, ${total} payload×surface checks`,
            ...[...tried.entries()].map(([surface, n]) => `  ${surface}: ${n}`),
          ].join('\n'),
        );
      }
      for (const context of contexts) await context.close().catch(() => undefined);
    },
  };
}
