import { describe, expect, it } from 'vitest';
import { DESKTOP, SCREENSHOTS } from './browser';
import { useStack } from './stack';
import { widget } from './widget-page';

const stack = useStack();

describe('opening the chat while the runtime cannot be reached', () => {
  it('shows the failure with a retry button, then connects by itself once the runtime answers', async () => {
    const context = await stack.current.browser.newContext({ viewport: DESKTOP });
    const page = await stack.current.openPage(context);
    let refused = 0;
    // The first two session starts never reach the runtime (as when it restarts or the network drops).
    await page.route('**/api/public/bots/*/sessions', async (route) => {
      if (refused < 2) {
        refused += 1;
        return route.abort('connectionrefused');
      }
      return route.continue();
    });
    const w = widget(page);
    await w.launcher.click();
    const banner = w.banner.filter({ hasText: 'Could not connect to the chat.' });
    await banner.waitFor();
    await expect.poll(() => banner.getByRole('button').isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-start-failed.png`, animations: 'disabled' });
    // Nobody clicks retry: backoff retries until the runtime answers.
    await w.botSays('What can I help you with?').waitFor({ timeout: 20_000 });
    expect(refused).toBe(2);
    await expect.poll(() => banner.count()).toBe(0);
    await context.close();
  });
});
