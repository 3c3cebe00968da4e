import { describe, expect, it } from 'vitest';
import { openAgentSocket } from './agent-socket';
import { SCREENSHOTS } from './browser';
import { visitorAtMainMenu, visitorInHandoff } from './handoff-visitor';
import { useStack } from './stack';

const stack = useStack();

/** How far the log is from showing its last row, in pixels (0: the newest message is in view). */
const hiddenBelow = (log: { evaluate<R>(fn: (el: HTMLElement) => R): Promise<R> }) =>
  log.evaluate((el) => Math.round(el.scrollHeight - el.scrollTop - el.clientHeight));

describe('the message log follows the newest message', () => {
  it('after a long message the bot answers in several messages while the area below the log changes', async () => {
    await stack.current.asAgent('PUT', '/api/inbox/presence', { status: 'offline' });
    const { context, page, w } = await visitorAtMainMenu(stack.current);
    // Taller than the log: the bot's replies (no help article, offline, an email asked) come in one after another.
    await w.send(`My order never arrived. ${'It was supposed to come last week. '.repeat(60)}`);
    await w.botSays("Leave your email and we'll get back to you").waitFor();
    await expect.poll(() => hiddenBelow(w.log)).toBeLessThan(2);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-log-follows-long-message.png`, animations: 'disabled' });

    // Scrolled up to read, the visitor stays where they are; back at the end, the log follows again.
    await w.log.evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect.poll(() => hiddenBelow(w.log)).toBeGreaterThan(200);
    await w.log.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await w.send('not-an-email');
    await w.botSays("doesn't look like an email").waitFor();
    await expect.poll(() => hiddenBelow(w.log)).toBeLessThan(2);
    await context.close();
  });
  it('a visitor reading back keeps their place while the agent types and writes', async () => {
    const { s, context, w, conversationId } = await visitorInHandoff(stack.current);
    for (let line = 1; line <= 10; line++) {
      await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/messages`, {
        text: `Step ${line} of the fix`,
      });
    }
    await w.botSays('Step 10 of the fix').waitFor();
    await expect.poll(() => hiddenBelow(w.log)).toBeLessThan(2);
    await w.log.evaluate((el) => {
      el.scrollTop = 0;
    });
    const fromTop = () => w.log.evaluate((el) => Math.round(el.scrollTop));
    await expect.poll(fromTop).toBe(0);
    const agentContext = await s.browser.newContext();
    const agent = await openAgentSocket(agentContext, s.runtime.url, s.agent, conversationId);
    await agent.typing(conversationId, true);
    await w.panel.locator('.typing').filter({ hasText: 'is typing' }).waitFor({ state: 'attached' });
    expect(await fromTop()).toBe(0);
    await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/messages`, { text: 'Step 11 of the fix' });
    await w.botSays('Step 11 of the fix').waitFor({ state: 'attached' });
    expect(await fromTop()).toBe(0);
    await agentContext.close();
    await context.close();
  });
});
