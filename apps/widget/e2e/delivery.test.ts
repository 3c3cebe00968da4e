import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { type Detail, visitorInHandoff } from './handoff-visitor';
import { useStack } from './stack';
import { widget } from './widget-page';

const stack = useStack();

/** What a failure report needs: the stored conversation, each tab's rows and the shared storage. */
function reportOnFailure(conversationId: string, tabs: Page[]) {
  onTestFailed(async () => {
    const s = stack.current;
    const detail = await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`).catch(() => null);
    console.error(`stored: ${JSON.stringify(detail?.messages.map((m) => [m.author, m.content.text]))}`);
    for (const [i, tab] of tabs.entries()) {
      const rows = await widget(tab)
        .log.locator('.row')
        .allTextContents()
        .catch(() => []);
      console.error(`tab ${i + 1} rows: ${JSON.stringify(rows)}`);
    }
    console.error(`storage: ${await tabs[0]?.evaluate(() => JSON.stringify({ ...localStorage })).catch(() => '?')}`);
  });
}

describe('every message reaches every tab of the visitor, once, whatever is lost on the way', () => {
  it('keeps one conversation across tabs: what is said in one tab appears live in the other, once', async () => {
    const { s, context, page, w, conversationId } = await visitorInHandoff(stack.current);
    const second = await s.openPage(context);
    const w2 = widget(second);
    reportOnFailure(conversationId, [page, second]);
    await w2.launcher.click();
    await w2.banner.filter({ hasText: 'Connecting you with the team' }).waitFor();
    await w.send('Sent from the first tab');
    await w2.visitorSaid('Sent from the first tab').waitFor();
    await w2.send('And this from the second');
    await w.visitorSaid('And this from the second').waitFor();
    // Later messages each way: each tab sees them after any second copy of the ones above.
    await w.send('One more from the first');
    await w2.visitorSaid('One more from the first').waitFor();
    await w2.send('One more from the second');
    await w.visitorSaid('One more from the second').waitFor();
    // Both tabs typing at once: the outbox they share loses nothing and doubles nothing.
    const burst = ['first A', 'second A', 'first B', 'second B', 'first C', 'second C'];
    for (const text of burst) await (text.startsWith('first') ? w : w2).send(text);
    for (const tab of [w, w2]) {
      for (const text of burst) await tab.visitorSaid(text).waitFor();
      await expect.poll(() => tab.pending.count()).toBe(0);
    }
    const detail = await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`);
    for (const text of burst) expect(detail.messages.filter((m) => m.content.text === text)).toHaveLength(1);
    expect(await w2.visitorSaid('Sent from the first tab').count()).toBe(1);
    expect(await w.visitorSaid('And this from the second').count()).toBe(1);
    expect(await w.log.locator('.row').allTextContents()).toEqual(await w2.log.locator('.row').allTextContents());
    await context.close();
  });

  it('shows a message whose frame was lost on a live socket, after a later one arrived', async () => {
    // Between the widget and the runtime: drops the first frame that carries the lost message, passes the rest.
    let dropped = 0;
    const { s, context, page, w, conversationId } = await visitorInHandoff(stack.current, undefined, (context) =>
      context.routeWebSocket(
        (url) => url.pathname.endsWith('/ws'),
        (ws) => {
          const server = ws.connectToServer();
          ws.onMessage((frame) => server.send(frame));
          server.onMessage((frame) => {
            if (dropped === 0 && String(frame).includes('Lost on the way')) dropped++;
            else ws.send(frame);
          });
        },
      ),
    );
    reportOnFailure(conversationId, [page]);
    const say = (text: string) => s.asAgent('POST', `/api/inbox/conversations/${conversationId}/messages`, { text });
    // The first reply changes the status (the agent joins), which has the widget read its history anyway.
    await say('Sam here');
    await w.botSays('Sam here').waitFor();
    await expect.poll(() => w.panel.locator('#fd-title').textContent()).toBe('Sam Agent');
    // Lost, then one that arrives at once and moves the widget's synced seq past the hole.
    await say('Lost on the way');
    await say('And the next one');
    await w.botSays('And the next one').waitFor();
    await w.botSays('Lost on the way').waitFor({ timeout: 15_000 });
    expect(dropped).toBe(1);
    expect(await w.log.locator('.row.agent').allTextContents()).toEqual([
      expect.stringContaining('Sam here'),
      expect.stringContaining('Lost on the way'),
      expect.stringContaining('And the next one'),
    ]);
    await context.close();
  });

  it('a message the runtime refuses says so, not "check your connection"; one held back by the network waits', async () => {
    const { context, page, w, conversationId } = await visitorInHandoff(stack.current);
    reportOnFailure(conversationId, [page]);
    // The runtime answers this one 404 (the conversation is gone for this visitor, say).
    await page.route(`**/api/public/conversations/${conversationId}/messages`, (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'not_found', message: 'Conversation not found', details: null } }),
      }),
    );
    await w.send('Is anyone there?');
    await w.pending.filter({ hasText: 'Not sent: the chat could not take this message.' }).waitFor();
    expect(await w.pending.textContent()).not.toContain('connection');
    await context.close();
  });
});
