import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
// The runtime's own loopback OpenAI server and widget-like visitor, and the widget e2e's flows that call out.
import { type FakeOpenAiServer, splitTokens, startFakeOpenAiServer } from '../../runtime/test/fakes/openai-server';
import { TestVisitor } from '../../runtime/test/fixtures/visitor';
import { AI_PROMPT, aiAnswerFlow, ORDER_PROMPT, orderFlow, startSlowOrdersApi } from '../../widget/e2e/working-flows';
import { launchBrowser, SCREENSHOTS, signInAsAdmin, type TestBrowser, watchConsole } from './support/browser';
import { type Harness, startHarness } from './support/harness';
import { botSays, sendToBot } from './support/preview';

const ANSWER =
  'Refunds reach your card within five business days after the returned parcel arrives at our warehouse and passes a quick check.';
const LATER = 'Exchanges are sent as soon as the returned parcel arrives.';

let fake: FakeOpenAiServer;
let orders: Awaited<ReturnType<typeof startSlowOrdersApi>>;
let harness: Harness;
let browser: TestBrowser;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  [fake, orders, browser] = await Promise.all([startFakeOpenAiServer(), startSlowOrdersApi(800), launchBrowser()]);
  harness = await startHarness({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: fake.baseUrl,
    HTTP_BLOCK_ALLOW_PRIVATE: 'true',
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInAsAdmin(page, harness);
  consoleErrors = watchConsole(page);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await Promise.all([orders?.close(), fake?.close()]);
});

const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/builder-bot-working-${name}.png` });

/** Creates a flow for the seeded bot through the API with the page's session (published when asked); returns its id. */
function saveFlow(name: string, draft: unknown, publish: boolean): Promise<string> {
  return page.evaluate(
    async (input) => {
      const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'flowdesk' };
      const created = await fetch('/api/admin/flows', {
        method: 'POST',
        headers,
        body: JSON.stringify({ botId: input.botId, name: input.name, draft: input.draft }),
      });
      if (!created.ok) throw new Error(`create flow: ${created.status} ${await created.text()}`);
      const { flow } = (await created.json()) as { flow: { id: string } };
      if (input.publish) {
        const published = await fetch(`/api/admin/flows/${flow.id}/publish`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ note: input.name }),
        });
        if (!published.ok) throw new Error(`publish: ${published.status} ${await published.text()}`);
      }
      return flow.id;
    },
    { botId: harness.seeded.botId, name, draft, publish },
  );
}

/** Waits until the inbox's streamed bubble holds more than `length` characters; returns its text then. */
async function streamedLongerThan(length: number): Promise<string> {
  const handle = await page.waitForFunction((min) => {
    const text = document.querySelector('.transcript .msg-streaming .msg-bubble')?.textContent ?? '';
    return text.length > min ? text : null;
  }, length);
  return (await handle.jsonValue()) as string;
}

/** Records, after every change to the transcript, the most bot rows that held `phrase` at once. */
async function watchBotRows(phrase: string) {
  await page.evaluate((text) => {
    const w = window as unknown as { __maxRows: number };
    w.__maxRows = 0;
    const transcript = document.querySelector('.transcript');
    if (!transcript) throw new Error('no transcript');
    const count = () => {
      const rows = [...transcript.querySelectorAll('.msg-bot')].filter((row) => row.textContent?.includes(text));
      w.__maxRows = Math.max(w.__maxRows, rows.length);
    };
    new MutationObserver(count).observe(transcript, { subtree: true, childList: true, characterData: true });
  }, phrase);
  return () => page.evaluate(() => (window as unknown as { __maxRows: number }).__maxRows);
}

describe('the bot at work, seen from the dashboard', () => {
  it('an agent watching the conversation sees the bot working, its AI answer growing, then the stored answer once', async () => {
    onTestFailed(() => shot('failure-inbox').then(() => undefined));
    await saveFlow('AI answers', aiAnswerFlow(), true);
    const visitor = new TestVisitor(harness.runtime.url, harness.seeded.botId);
    await visitor.start();
    await page.goto(`${harness.appUrl}inbox/${visitor.conversationId}`);
    const transcript = page.locator('.transcript');
    await transcript.locator('.msg-bot', { hasText: AI_PROMPT }).waitFor();
    const maxRows = await watchBotRows('Refunds reach');

    fake.enqueue({ chunks: splitTokens(ANSWER), timing: { firstChunkDelayMs: 1200, chunkDelayMs: 150 } });
    const sent = await visitor.say('How long do refunds take?');
    expect(sent.conversation.working).toBe(true);
    const working = transcript.locator('.msg-working');
    await working.waitFor();
    expect(await working.textContent()).toContain('Acme support is typing');
    await transcript.locator('.msg-bot', { hasText: 'Let me look that up.' }).waitFor();
    await shot('01-inbox-working');

    const streaming = transcript.locator('.msg-streaming');
    const first = await streamedLongerThan(0);
    const second = await streamedLongerThan(first.length);
    expect(second.length).toBeGreaterThan(first.length);
    expect(second.startsWith(first)).toBe(true);
    expect(ANSWER.startsWith(second)).toBe(true);
    expect(await working.count()).toBe(0);
    await shot('02-inbox-streaming');

    const stored = transcript.locator('.msg-bot[data-seq]', { hasText: ANSWER });
    await stored.waitFor({ timeout: 10_000 });
    await transcript.locator('.msg-bot', { hasText: AI_PROMPT }).nth(1).waitFor();
    await shot('03-inbox-answered');
    // A stream frame sent late must not bring the bubble back: a second answer's frames come after any.
    fake.enqueue({ chunks: splitTokens(LATER) });
    await visitor.say('And exchanges?');
    await transcript.locator('.msg-bot[data-seq]', { hasText: LATER }).waitFor({ timeout: 10_000 });
    await transcript.locator('.msg-bot', { hasText: AI_PROMPT }).nth(2).waitFor();
    expect(await transcript.locator('.msg-bot', { hasText: 'Refunds reach' }).count()).toBe(1);
    expect(await stored.locator('.msg-text').textContent()).toBe(ANSWER);
    expect(await streaming.count()).toBe(0);
    await expect.poll(() => working.count()).toBe(0);
    expect(await maxRows()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('the flow preview shows typing dots while a step waits for a slow HTTP call, then the reply', async () => {
    onTestFailed(() => shot('failure-preview').then(() => undefined));
    const id = await saveFlow('Orders', orderFlow(orders.url), false);
    await page.goto(`${harness.appUrl}flows/${id}`);
    await page.getByRole('tab', { name: 'Preview' }).click();
    await botSays(page, ORDER_PROMPT).waitFor();

    // The API cannot answer until released: the dots must show while the call waits.
    orders.hold();
    await sendToBot(page, 'A-7');
    const typing = page.locator('.preview-entry.from-typing');
    await typing.waitFor();
    expect(await typing.textContent()).toBe('Bot is typing');
    await shot('04-preview-typing');
    orders.release();

    await botSays(page, 'Order A-7 is shipped.').waitFor();
    expect(await typing.count()).toBe(0);
    expect(orders.calls).toContain('/orders/A-7');
    await page.locator('.preview-entry.from-note', { hasText: 'answered 200' }).waitFor();
    await shot('05-preview-answered');
    expect(consoleErrors).toEqual([]);
  });
});
