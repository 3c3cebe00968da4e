import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { DESKTOP, SCREENSHOTS } from './browser';
import { type HostPage, startHostPage } from './host-page';
import { api } from './runtime-api';
import { useStack } from './stack';
import { widget } from './widget-page';
import { AI_PROMPT, aiAnswerFlow, askAboutRefunds, botWithFlow } from './working-flows';

/** A help page as the crawler stores it; its title carries markup that must stay text. */
const PAGE = [
  '# Returns',
  '- You can return any item within **30 days** of delivery.',
  '- Refunds are paid back to the original card within 5 business days after we receive the parcel.',
].join('\n');
const PAGE_URL = 'https://help.shop.example/returns';
const TITLE = 'Returns <img src=x onerror=alert(1)> & refunds';

const stack = useStack();
let site: HostPage;

/** The admin adds a help page and a Q&A, waits until both are indexed, and publishes a flow answering from them. */
async function siteAnsweringFromSources() {
  const s = stack.current;
  const admin = <T>(method: string, path: string, body?: unknown) => api<T>(s.runtime.url, s.admin, method, path, body);
  const page = await admin<{ id: string }>('POST', '/api/admin/knowledge', {
    kind: 'text',
    title: TITLE,
    text: PAGE,
    url: PAGE_URL,
  });
  const faq = await admin<{ id: string }>('POST', '/api/admin/knowledge', {
    kind: 'qa',
    title: 'Shipping FAQ',
    pairs: [{ question: 'How long does shipping take?', answer: 'Parcels arrive within three working days.' }],
  });
  for (const id of [page.id, faq.id]) {
    await expect
      .poll(async () => (await admin<{ status: string }>('GET', `/api/admin/knowledge/${id}`)).status, {
        timeout: 20_000,
      })
      .toBe('ready');
  }
  const flow = aiAnswerFlow();
  const answer = flow.blocks.find((block) => block.id === 'answer')!;
  answer.data = { knowledge: '', knowledgeSourceIds: [page.id, faq.id] } as typeof answer.data;
  site = await startHostPage({
    runtimeUrl: s.runtime.url,
    botId: await botWithFlow(s.runtime.url, s.admin, 'Help', flow),
  });
}
afterAll(() => site?.close());

describe('AI answers from knowledge sources in the widget (offline provider)', () => {
  it('shows the answer with its sources as safe links, and says it does not know what the sources lack', async () => {
    const s = stack.current;
    await siteAnsweringFromSources();
    const context = await s.browser.newContext({ viewport: DESKTOP });
    const page = await s.openPage(context, site.url);
    onTestFailed(async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/widget-knowledge-failure.png` });
    });
    const w = widget(page);
    const answer = await askAboutRefunds(w);
    expect(await answer.locator('p.text').textContent()).toBe(
      'Refunds are paid back to the original card within 5 business days after we receive the parcel.',
    );
    const sources = answer.locator('.sources');
    expect(await sources.locator('.sources-title').textContent()).toBe('Sources');
    const link = sources.getByRole('link', { name: TITLE });
    expect(await link.getAttribute('href')).toBe(PAGE_URL);
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await link.getAttribute('target')).toBe('_blank');
    // The title is text: its markup made no element.
    expect(await sources.locator('img').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-knowledge-answer.png`, animations: 'disabled' });

    await w.botSays(AI_PROMPT).nth(1).waitFor();
    await w.send('Do you sell gift cards?');
    await w.botSays('I do not know that.').waitFor();
    const stored = await page.evaluate(() => document.querySelector('flowdesk-widget')?.shadowRoot?.textContent ?? '');
    expect(stored).not.toContain('gift cards within');
    expect(await w.panel.locator('.sources').count()).toBe(1);
    await context.close();
  });
});
