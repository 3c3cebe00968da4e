import type { Page } from 'playwright-core';

/**
 * Watches the widget's log from inside the page: after every DOM change, how many bot rows hold `phrase`
 * (the streamed bubble and the stored message must never both show it). Read with `maxRows`.
 */
export async function watchRows(page: Page, phrase: string): Promise<{ maxRows(): Promise<number> }> {
  await page.evaluate((text) => {
    const root = document.querySelector('flowdesk-widget')?.shadowRoot;
    if (!root) throw new Error('no widget');
    const w = window as unknown as { __maxRows: number };
    w.__maxRows = 0;
    const count = () => {
      const rows = [...root.querySelectorAll('.row.bot')].filter((row) => row.textContent?.includes(text));
      w.__maxRows = Math.max(w.__maxRows, rows.length);
    };
    new MutationObserver(count).observe(root, { subtree: true, childList: true, characterData: true });
    count();
  }, phrase);
  return { maxRows: () => page.evaluate(() => (window as unknown as { __maxRows: number }).__maxRows) };
}

/** Text of the bubble being streamed now ('' when there is none). */
export function streamingText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      document.querySelector('flowdesk-widget')?.shadowRoot?.querySelector('.row.streaming .bubble')?.textContent ?? '',
  );
}

/** Waits until the bubble being streamed holds more than `length` characters; returns its text then. */
export async function streamingTextLongerThan(page: Page, length: number): Promise<string> {
  const handle = await page.waitForFunction((min) => {
    const root = document.querySelector('flowdesk-widget')?.shadowRoot;
    const text = root?.querySelector('.row.streaming .bubble')?.textContent ?? '';
    return text.length > min ? text : null;
  }, length);
  return (await handle.jsonValue()) as string;
}
