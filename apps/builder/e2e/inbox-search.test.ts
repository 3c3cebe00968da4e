import { describe, expect, it } from 'vitest';
import { login, SCREENSHOTS } from './support/browser';
import { askForPersonOnDemo } from './support/demo-widget';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_AGENT as AGENT } from './support/live-runtime';

const live = withLiveDashboard();

describe('inbox search', () => {
  it('finds a visitor by name or message; from another filter it points to the filter that has them', async () => {
    const page = await (await live.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await login(page, `${live.runtime.url}/app/`, AGENT.email, AGENT.password);
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    const visitorPage = await (await live.newContext({ viewport: { width: 1100, height: 760 } })).newPage();
    const visitor = await askForPersonOnDemo(visitorPage, live.runtime.url, {
      name: 'Jane Doe',
      email: 'jane.doe@example.org',
    });
    const textarea = visitor.panel.locator('.composer textarea');
    await textarea.fill('My invoice shows a double charge');
    await textarea.press('Enter');
    await visitor.row('My invoice shows a double charge').waitFor();

    const search = page.getByLabel('Search conversations');
    const row = page.locator(`.inbox-row[data-conversation-id="${visitor.conversationId}"]`);
    for (const words of ['jane', 'DOUBLE CHARGE', 'jane.doe@example']) {
      await search.fill(words);
      await row.waitFor();
    }

    // Resolved, it is no longer under "Needs agent": the empty list says where it is.
    await row.click();
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('Conversation resolved.').waitFor();
    await page
      .getByRole('link', { name: 'Conversations' })
      .first()
      .click()
      .catch(() => undefined);
    await search.fill('');
    await search.fill('jane');
    const empty = page.getByRole('status').filter({ hasText: 'No conversation in Needs agent matches “jane”.' });
    await empty.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-search-elsewhere.png` });
    await empty.getByRole('button', { name: 'Show 1 in Resolved' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Resolved' }).getAttribute('aria-selected')).toBe('true');
    await row.waitFor();
  });
});
