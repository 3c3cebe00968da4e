import type { Message, SendMessageResponse } from '@flowdesk/contract';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type FakeOpenAiServer, splitTokens, startFakeOpenAiServer } from '../../runtime/test/fakes/openai-server';
import { DESKTOP, SCREENSHOTS } from './browser';
import { type HostPage, startHostPage } from './host-page';
import { useStack } from './stack';
import { streamingText, streamingTextLongerThan, watchRows } from './stream-watch';
import { widget } from './widget-page';
import { AI_PROMPT, aiAnswerFlow, botWithFlow, ORDER_PROMPT, orderFlow, startSlowOrdersApi } from './working-flows';

const ANSWER =
  'Refunds reach your card within five business days after the returned parcel arrives at our warehouse and passes a quick check.';
const CHUNKS = splitTokens(ANSWER);
const LATER = 'Exchanges are sent as soon as the returned parcel arrives.';

let fake: FakeOpenAiServer;
let orders: Awaited<ReturnType<typeof startSlowOrdersApi>>;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  orders = await startSlowOrdersApi(800);
});
// The runtime calls the fake OpenAI server (AI answers then run after the visitor's request, streamed)
// and may call the loopback orders API from an HTTP block.
const stack = useStack({
  env: () => ({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseUrl, HTTP_BLOCK_ALLOW_PRIVATE: 'true' }),
});
let aiSite: HostPage;
let ordersSite: HostPage;
beforeAll(async () => {
  const s = stack.current;
  const aiBot = await botWithFlow(s.runtime.url, s.admin, 'Refund helper', aiAnswerFlow());
  const ordersBot = await botWithFlow(s.runtime.url, s.admin, 'Order desk', orderFlow(orders.url));
  [aiSite, ordersSite] = await Promise.all([
    startHostPage({ runtimeUrl: s.runtime.url, botId: aiBot }),
    startHostPage({ runtimeUrl: s.runtime.url, botId: ordersBot }),
  ]);
});
afterAll(async () => {
  await Promise.all([aiSite?.close(), ordersSite?.close(), orders?.close(), fake?.close()]);
});

const texts = (messages: Message[]) =>
  messages.map((m) => (m.content.type === 'text' ? m.content.text : m.content.type));

async function open(site: HostPage, prompt: string) {
  const s = stack.current;
  const context = await s.browser.newContext({ viewport: DESKTOP });
  const page = await s.openPage(context, site.url);
  const w = widget(page);
  await w.launcher.click();
  await w.botSays(prompt).waitFor();
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/widget-working-failure.png` });
  });
  return { context, page, w, typing: w.log.locator('.typing'), streaming: w.log.locator('.row.streaming') };
}

/** Sends `text` and returns the runtime's answer to the POST. */
async function sendAndAnswer(page: Page, w: ReturnType<typeof widget>, text: string) {
  const posted = page.waitForResponse((r) => r.url().includes('/messages') && r.request().method() === 'POST');
  await w.send(text);
  const response = await posted;
  return { body: (await response.json()) as SendMessageResponse };
}

/** A second question answered at once: its stored answer reaches the socket after any frame of the first stream. */
async function askAgain(w: ReturnType<typeof widget>) {
  await w.botSays(AI_PROMPT).nth(1).waitFor();
  fake.enqueue({ chunks: splitTokens(LATER) });
  await w.send('And exchanges?');
  await w.log.locator('.row.bot[data-seq]').filter({ hasText: LATER }).waitFor({ timeout: 10_000 });
  await w.botSays(AI_PROMPT).nth(2).waitFor();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}/widget-working-${name}.png`, animations: 'disabled' });

describe('the bot at work: typing while it waits for a call, an AI answer streamed as it is written', () => {
  it('shows the working indicator, then a bubble whose text grows, then the stored answer exactly once', async () => {
    fake.enqueue({ chunks: CHUNKS, timing: { firstChunkDelayMs: 800, chunkDelayMs: 150 } });
    const { context, page, w, typing, streaming } = await open(aiSite, AI_PROMPT);
    const watch = await watchRows(page, 'Refunds reach');

    const { body } = await sendAndAnswer(page, w, 'How long do refunds take?');
    // The POST answers before the AI does: the bot's words before the call, and that it is working.
    expect(texts(body.replies)).toEqual(['Let me look that up.']);
    expect(body.conversation.working).toBe(true);
    await typing.filter({ hasText: 'Refund helper is typing…' }).waitFor();
    // The bot at work is told to screen readers (a person typing is not).
    expect(await typing.getAttribute('aria-hidden')).toBe('false');
    expect(await typing.locator('.dots i').count()).toBe(3);
    await shot(page, '01-typing');

    const first = await streamingTextLongerThan(page, 0);
    const second = await streamingTextLongerThan(page, first.length);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(first.length);
    expect(second.startsWith(first)).toBe(true);
    expect(ANSWER.startsWith(second)).toBe(true);
    // The growing answer takes the dots' place.
    expect(await typing.isVisible()).toBe(false);
    await shot(page, '02-streaming');

    const stored = w.log.locator('.row.bot[data-seq]').filter({ hasText: ANSWER });
    await stored.waitFor({ timeout: 10_000 });
    await w.botSays(AI_PROMPT).nth(1).waitFor();
    await shot(page, '03-answered');
    // A stream frame sent late must not bring the bubble back: the next answer's frames come after any.
    await askAgain(w);
    expect(await w.botSays('Refunds reach').count()).toBe(1);
    expect(await stored.locator('.bubble').textContent()).toBe(ANSWER);
    expect(await streaming.count()).toBe(0);
    expect(await typing.isVisible()).toBe(false);
    // Not even for one frame did the streamed bubble and the stored answer show together.
    expect(await watch.maxRows()).toBe(1);
    expect(fake.requests.at(-1)?.body.stream).toBe(true);
    await context.close();
  });

  it('a page reloaded mid-answer shows the text so far on the next frame and the full answer exactly once', async () => {
    fake.enqueue({ chunks: CHUNKS, timing: { firstChunkDelayMs: 300, chunkDelayMs: 220 } });
    const { context, page, w, streaming } = await open(aiSite, AI_PROMPT);
    await w.send('When is my refund coming?');
    const before = await streamingTextLongerThan(page, 0);

    await page.reload();
    await w.launcher.click();
    const watch = await watchRows(page, 'Refunds reach');
    await w.botSays('Let me look that up.').waitFor();
    await streaming.waitFor();
    const after = await streamingText(page);
    expect(after.startsWith(before)).toBe(true);
    expect(ANSWER.startsWith(after)).toBe(true);
    expect(ANSWER).not.toBe(after);
    await shot(page, '04-reloaded-streaming');

    await w.log.locator('.row.bot[data-seq]').filter({ hasText: ANSWER }).waitFor({ timeout: 10_000 });
    await askAgain(w);
    expect(await w.botSays('Refunds reach').count()).toBe(1);
    expect(await streaming.count()).toBe(0);
    expect(await watch.maxRows()).toBe(1);
    // A second reload shows it once too (from history).
    await page.reload();
    await w.launcher.click();
    await w.botSays(ANSWER).waitFor();
    expect(await w.botSays('Refunds reach').count()).toBe(1);
    await shot(page, '05-reloaded-answered');
    await context.close();
  });

  it('an HTTP block: the POST returns while the API has not answered, the dots show meanwhile, then the reply', async () => {
    const { context, page, w, typing } = await open(ordersSite, ORDER_PROMPT);
    orders.hold();
    const { body } = await sendAndAnswer(page, w, 'A-1');
    // The API cannot answer until released, so an answered POST did not wait for it.
    expect(body.replies).toEqual([]);
    expect(body.conversation.working).toBe(true);
    await typing.filter({ hasText: 'Order desk is typing…' }).waitFor();
    await expect.poll(() => orders.calls).toEqual(['/orders/A-1']);
    expect(await w.botSays('Order A-1 is shipped.').count()).toBe(0);
    await shot(page, '06-http-typing');

    orders.release();
    await w.botSays('Order A-1 is shipped.').waitFor();
    await expect.poll(() => typing.isVisible()).toBe(false);
    expect(orders.calls).toEqual(['/orders/A-1']);
    await w.botSays(ORDER_PROMPT).nth(1).waitFor();
    await shot(page, '07-http-answered');
    await context.close();
  });
});
