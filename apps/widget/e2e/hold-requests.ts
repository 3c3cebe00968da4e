import type { Page } from 'playwright-core';

/**
 * Holds the page's requests to `pattern` (of `method` only, when given) until the returned function is called;
 * then they go on to the server as they were. For a slow network at one exact moment.
 */
export async function holdRequests(page: Page, pattern: string, method?: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    if (!method || route.request().method() === method) await held;
    await route.continue();
  });
  return () => release();
}
