import { describe, expect, it } from 'vitest';
import { api, login as apiLogin } from '../../widget/e2e/runtime-api';
import { login, SCREENSHOTS } from './support/browser';
import { askForPersonOnDemo } from './support/demo-widget';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_ADMIN as ADMIN, DEMO_AGENT as AGENT } from './support/live-runtime';

const live = withLiveDashboard();

/** The demo agent's inbox in a window of this size, and a visitor on the demo site who then asks for a person. */
async function agentAndVisitor(viewport: { width: number; height: number }) {
  const agent = await (await live.newContext({ viewport })).newPage();
  await login(agent, `${live.runtime.url}/app/`, AGENT.email, AGENT.password);
  await agent.getByRole('heading', { name: 'Conversations' }).waitFor();
  const visitorPage = await (await live.newContext({ viewport: { width: 1100, height: 760 } })).newPage();
  return { agent, visitor: await askForPersonOnDemo(visitorPage, live.runtime.url) };
}

describe('the inbox conversation pane: reading back, narrow screens', () => {
  it("keeps the agent's place when the visitor writes; follows again at the end or after the agent's reply", async () => {
    const { agent, visitor } = await agentAndVisitor({ width: 1280, height: 720 });
    const textarea = visitor.panel.locator('.composer textarea');
    const say = async (text: string) => {
      await textarea.fill(text);
      await textarea.press('Enter');
      await visitor.row(text).waitFor();
    };
    for (let line = 1; line <= 16; line++) await say(`Part ${line} of what happened with my order`);

    await agent.locator('.inbox-row').filter({ hasText: 'Part 16' }).click();
    const transcript = agent.getByRole('log', { name: 'Transcript' });
    const message = (text: string) => transcript.locator('.msg').filter({ hasText: text });
    await message('Part 16').waitFor();
    // At the end, only the transcript's bottom padding (12 px) is below the view.
    const hiddenBelow = () => transcript.evaluate((el) => Math.round(el.scrollHeight - el.scrollTop - el.clientHeight));
    const fromTop = () => transcript.evaluate((el) => Math.round(el.scrollTop));
    // Scrolls to the top until the place holds two frames later (its scroll event handled): an entry that arrives
    // just before that handler runs still brings a following log down, so the agent scrolls up again, as one would.
    const readBack = () =>
      expect
        .poll(() =>
          transcript.evaluate(async (el) => {
            el.scrollTop = 0;
            await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
            return Math.round(el.scrollTop);
          }),
        )
        .toBe(0);
    await expect.poll(hiddenBelow).toBeLessThan(20);

    // Reading back: a new visitor message arrives, the agent's place stays.
    await readBack();
    await say('One more thing while you read');
    await message('One more thing while you read').waitFor();
    expect(await fromTop()).toBe(0);
    await agent.screenshot({ path: `${SCREENSHOTS}/inbox-reading-back.png` });

    // It says what arrived below; its button takes the agent to the end, where the transcript follows again.
    const jump = transcript.getByRole('button', { name: '↓ 1 new message' });
    await jump.click();
    await expect.poll(hiddenBelow).toBeLessThan(20);
    await jump.waitFor({ state: 'detached' });
    await say('And the last detail');
    await message('And the last detail').waitFor();
    await expect.poll(hiddenBelow).toBeLessThan(20);

    // Scrolled up, the agent's own reply brings the transcript to its end.
    await readBack();
    const reply = agent.getByLabel('Reply to the visitor');
    await reply.fill('Thanks, I have it all now.');
    await reply.press('Enter');
    await message('Thanks, I have it all now.').waitFor();
    await expect.poll(hiddenBelow).toBeLessThan(20);
    // Reading back after that reply, the visitor's typing does not pull the agent down.
    await readBack();
    await textarea.pressSequentially('Also one');
    await agent.locator('.typing-indicator').waitFor();
    expect(await fromTop()).toBe(0);
    // A teammate's reply is news like the visitor's: the place stays, the button says it arrived.
    const teammate = await apiLogin(live.runtime.url, ADMIN.email, ADMIN.password);
    await api(live.runtime.url, teammate, 'POST', `/api/inbox/conversations/${visitor.conversationId}/messages`, {
      text: 'Ada here: the refund is on its way.',
      clientId: crypto.randomUUID(),
    });
    await message('the refund is on its way').waitFor();
    await transcript.getByRole('button', { name: '↓ 1 new message' }).waitFor();
    expect(await fromTop()).toBe(0);
  });
  it('a pasted unbroken line wraps inside the AI summary and the transcript', async () => {
    const { agent: page, visitor } = await agentAndVisitor({ width: 1280, height: 800 });
    const pasted = `My order code is ${'a'.repeat(200)}`;
    const textarea = visitor.panel.locator('.composer textarea');
    await textarea.fill(pasted);
    await textarea.press('Enter');
    await visitor.row(pasted).waitFor();
    await page.locator(`.inbox-row[data-conversation-id="${visitor.conversationId}"]`).click();
    const summary = page.getByRole('region', { name: 'AI summary' });
    // Written at the handoff, before the paste: the agent asks for it again.
    await summary.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('aaaaaaaaaa');
    const overflow = (selector: string) => page.locator(selector).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(await overflow('.summary-card')).toBeLessThanOrEqual(0);
    expect(await overflow('.transcript')).toBeLessThanOrEqual(0);
    // The longer summary took room from the transcript, which still shows its newest message in full.
    await expect
      .poll(() => page.locator('.transcript').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
      .toBeLessThan(20);
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-long-line.png` });
  });

  it("reads a visitor's Arabic right to left (list, transcript, reply box); English stays left to right", async () => {
    const { agent: page, visitor } = await agentAndVisitor({ width: 1280, height: 800 });
    const arabic = 'مرحبا، أحتاج مساعدة في طلبي رقم 1234. لم يصل بعد!';
    const textarea = visitor.panel.locator('.composer textarea');
    await textarea.fill(arabic);
    await textarea.press('Enter');
    await visitor.row(arabic).waitFor();
    const row = page.locator(`.inbox-row[data-conversation-id="${visitor.conversationId}"]`);
    await row.click();
    const rtl = (locator: ReturnType<typeof page.locator>) => locator.evaluate((el) => el.matches(':dir(rtl)'));
    await expect.poll(() => row.locator('.inbox-row-preview').textContent()).toBe(arabic);
    expect(await rtl(row.locator('.inbox-row-preview'))).toBe(true);
    const transcript = page.getByRole('log', { name: 'Transcript' });
    const said = transcript.locator('.msg-visitor .msg-text').filter({ hasText: '1234' });
    await said.waitFor();
    expect(await rtl(said)).toBe(true);
    expect(await rtl(transcript.locator('.msg-visitor .msg-text').filter({ hasText: 'Talk to a human' }))).toBe(false);
    const reply = page.getByLabel('Reply to the visitor');
    await reply.fill('شكرا، سأتحقق من ذلك.');
    expect(await rtl(reply)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-rtl.png` });
  });

  it('on a phone: the list, then the open conversation alone (reply, details below), and back to the list', async () => {
    const { agent: phone, visitor } = await agentAndVisitor({ width: 375, height: 667 });
    const widthOverflow = () =>
      phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const row = phone.locator(`.inbox-row[data-conversation-id="${visitor.conversationId}"]`);
    await row.waitFor();
    expect(await widthOverflow()).toBeLessThanOrEqual(0);
    const rowBox = (await row.boundingBox())!;
    expect(rowBox.x + rowBox.width).toBeLessThanOrEqual(375);

    await row.click();
    const reply = phone.getByLabel('Reply to the visitor');
    await reply.waitFor();
    // The conversation has the screen: the list is gone, the transcript is most of it.
    expect(await phone.locator('.inbox-list').isVisible()).toBe(false);
    const transcript = (await phone.getByRole('log', { name: 'Transcript' }).boundingBox())!;
    expect(transcript.height).toBeGreaterThan(667 / 2);
    expect(await widthOverflow()).toBeLessThanOrEqual(0);
    await reply.fill('Hi from my phone, how can I help?');
    await reply.press('Enter');
    await visitor.says('Hi from my phone').waitFor();
    await phone.screenshot({ path: `${SCREENSHOTS}/inbox-phone-conversation.png` });
    // The details follow below the reply box.
    const details = phone.getByRole('complementary', { name: 'Conversation details' });
    await details.getByText('Browser').scrollIntoViewIfNeeded();
    expect(await details.getByText('Browser').isVisible()).toBe(true);

    await phone.getByRole('link', { name: '← Conversations' }).click();
    // The reply took the conversation over: it is listed under Mine now.
    await phone.getByRole('tab', { name: /Mine/ }).click();
    await row.waitFor();
    expect(await phone.getByLabel('Reply to the visitor').count()).toBe(0);
  });

  it('on a 1024 px laptop the header actions sit beside or under the title, never over it, and none is cut off', async () => {
    const { agent: page, visitor } = await agentAndVisitor({ width: 1024, height: 768 });
    await page.locator(`.inbox-row[data-conversation-id="${visitor.conversationId}"]`).click();
    const header = page.locator('.conversation-header');
    await header.getByRole('button', { name: 'Resolve' }).waitFor();
    const box = async (locator: ReturnType<typeof page.locator>) => (await locator.boundingBox())!;
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const title = await box(header.locator('.conversation-title'));
    const pane = await box(header);
    for (const name of ['Take over', 'Hand back to bot', 'Resolve']) {
      const button = await box(header.getByRole('button', { name }));
      expect(overlap(button, title), `${name} over the title`).toBe(false);
      expect(button.x + button.width, `${name} cut off`).toBeLessThanOrEqual(pane.x + pane.width);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-1024-header.png` });
  });
});
