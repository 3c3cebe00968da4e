import { describe, expect, it, onTestFailed } from 'vitest';
import { openAgentSocket } from './agent-socket';
import { MOBILE, SCREENSHOTS } from './browser';
import { type Detail, visitorAtMainMenu, visitorInHandoff } from './handoff-visitor';
import { api } from './runtime-api';
import { storedConversationId, useStack } from './stack';
import { sdkEvents } from './widget-page';

const stack = useStack();

async function agentPresence(s: typeof stack.current): Promise<string | undefined> {
  const { user } = await s.asAgent<{ user: { id: string } }>('GET', '/api/auth/me');
  const { users } = await s.asAgent<{ users: { id: string; presence: string }[] }>('GET', '/api/inbox/teammates');
  return users.find((u) => u.id === user.id)?.presence;
}

describe('handoff to a live agent, against the real runtime', () => {
  it('walks the demo flow to an agent whose reply appears live, survives a reload, then resolves and starts again', async () => {
    const s = stack.current;
    // Always open, with a reply time the admin wrote: the visitor waiting for a person is told it.
    await api(s.runtime.url, s.admin, 'PUT', '/api/admin/office-hours', {
      schedule: null,
      replyTime: { mode: 'manual', bucket: 'a few minutes' },
    });
    await s.asAgent('PUT', '/api/inbox/presence', { status: 'online' });
    const { context, page, w } = await visitorAtMainMenu(s);
    await w.composer.getByRole('button', { name: 'Pricing' }).click();
    await w.botSays('What would you like to know about our plans?').waitFor();
    await w.send('How much does the Pro plan cost per month?');
    await w.botSays('Anything else I can help with?').waitFor();
    await w.composer.getByRole('button', { name: 'Talk to a human' }).click();
    await w.botSays('Connecting you with our support team').waitFor();
    await w.banner.filter({ hasText: 'Connecting you with the team' }).waitFor();
    expect(await w.banner.textContent()).toBe('Connecting you with the teamUsually replies in a few minutes');
    expect(await w.panel.locator('.subtitle').textContent()).toBe('Usually replies in a few minutes');
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-handoff.png`, animations: 'disabled' });

    const conversationId = await storedConversationId(page, s.botId);
    await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/messages`, {
      text: 'Hi, Sam here. Pro is $29 a month; want a trial? https://acme.example/trial',
    });
    const agentRow = w.botSays('Sam here');
    await agentRow.waitFor();
    expect(await agentRow.locator('a').getAttribute('href')).toBe('https://acme.example/trial');
    // Each message carries its time: machine-readable as the runtime stored it, shown as hours and minutes.
    const stored = (await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`)).messages;
    const sentAt = stored.find((m) => m.content.text?.startsWith('Hi, Sam here'))?.createdAt ?? '';
    const time = agentRow.locator('time');
    expect(await time.getAttribute('datetime')).toBe(new Date(sentAt).toISOString());
    expect(await time.textContent()).toMatch(/\d{1,2}:\d{2}/);
    expect(await agentRow.locator('.meta').textContent()).toMatch(/^Sam Agent · /);
    expect(await w.visitorSaid('How much does the Pro plan cost').locator('time[datetime]').count()).toBe(1);
    await expect.poll(() => w.panel.locator('#fd-title').textContent()).toBe('Sam Agent');
    // The agent joining is told with the widget's own (translatable) words and the agent's name.
    expect(await w.log.locator('.row.event.agent_joined').textContent()).toBe('Sam Agent joined the conversation');
    await expect.poll(() => w.banner.isVisible()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-agent.png`, animations: 'disabled' });

    // identify() and setVariables() queued before the loader, and one made now, reached the runtime.
    await page.evaluate(() => (window.Flowdesk as { setVariables(v: object): void }).setVariables({ cart: 3 }));
    await expect
      .poll(async () => (await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`)).visitor)
      .toMatchObject({
        name: 'Vera Visitor',
        email: 'vera@example.com',
        variables: { plan: 'pro', seats: 12, cart: 3 },
      });

    await w.send('Yes please!');
    await expect
      .poll(async () => {
        const detail = await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`);
        return detail.messages.filter((m) => m.content.text === 'Yes please!').length;
      })
      .toBe(1);

    // Stored is not yet shown as sent: the page may still be reading the send's answer.
    await expect.poll(() => w.pending.count()).toBe(0);

    const before = await w.log.locator('.row').allTextContents();
    await page.reload();
    await w.launcher.click();
    await w.botSays('Sam here').waitFor();
    expect(await w.log.locator('.row').allTextContents()).toEqual(before);

    await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/resolve`);
    await w.composer.getByText('This conversation has been resolved.').waitFor();
    const events = await sdkEvents(page);
    expect(events).toContain('resolved');
    await w.composer.getByRole('button', { name: 'Start a new conversation' }).click();
    await expect.poll(() => w.log.locator('.row').count()).toBeLessThan(before.length);
    await w.botSays('What can I help you with?').waitFor();
    expect(await storedConversationId(page, s.botId)).not.toBe(conversationId);
    await context.close();
  });

  it('reports the handoff and the agent message to SDK listeners and raises the unread badge while closed', async () => {
    const { s, context, page, w, conversationId } = await visitorInHandoff(stack.current, {
      viewport: MOBILE,
      isMobile: true,
      hasTouch: true,
    });
    await page.screenshot({ path: `${SCREENSHOTS}/widget-mobile-handoff.png`, animations: 'disabled' });
    await w.panel.getByRole('button', { name: 'Close chat' }).click();
    await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/messages`, { text: 'Are you still there?' });
    await expect.poll(() => w.badge.textContent()).toBe('1');
    expect(await w.launcher.getAttribute('aria-label')).toContain('1 unread');
    const events = await sdkEvents(page);
    expect(events).toEqual(expect.arrayContaining(['open', 'handoff', 'close', 'message:agent:text']));
    await w.launcher.click();
    await w.botSays('Are you still there?').waitFor();
    await expect.poll(() => w.badge.isVisible()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-mobile-agent.png`, animations: 'disabled' });
    await context.close();
  });

  it("shows the agent's picture in the header and beside their messages", async () => {
    const { s, context, page, w, conversationId } = await visitorInHandoff(stack.current);
    await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/messages`, { text: 'Hello from Sam' });
    const row = w.botSays('Hello from Sam');
    await row.waitFor();
    // Without a picture: the agent's initial.
    expect(await row.locator('.avatar').textContent()).toBe('S');
    // The header switches from the bot to the agent on the conversation event, which may land after the message.
    await expect.poll(() => w.panel.locator('.header .avatar').textContent()).toBe('S');

    // The agent sets their picture through the runtime's own-profile API; the runtime then sends it as the
    // agent's avatarUrl (session start, catch-up) and beside their messages.
    const picture = `${s.hostPage.url}media/plan.svg`;
    const profile = await s.asAgent<{ user: { avatarUrl: string | null } }>('PATCH', '/api/auth/me', {
      avatarUrl: picture,
    });
    expect(profile.user.avatarUrl).toBe(picture);
    onTestFailed(() => s.asAgent('PATCH', '/api/auth/me', { avatarUrl: null }).then(() => undefined));
    await page.reload();
    await w.launcher.click();
    await row.waitFor();
    const header = w.panel.locator('.header img.avatar');
    await expect.poll(() => header.getAttribute('src')).toBe(picture);
    const beside = row.locator('img.avatar');
    expect(await beside.getAttribute('src')).toBe(picture);
    await expect.poll(() => beside.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(320);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-agent-avatar.png`, animations: 'disabled' });
    await context.close();
    // Later tests see the agent's initial again.
    await s.asAgent('PATCH', '/api/auth/me', { avatarUrl: null });
  });

  it('sends a message typed while offline exactly once when the network is back', async () => {
    const { s, context, page, w, conversationId } = await visitorInHandoff(stack.current);
    await context.setOffline(true);
    await w.banner.filter({ hasText: "You're offline" }).waitFor();
    await w.send('Typed on the train');
    await w.pending.filter({ hasText: 'Typed on the train' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-offline-outbox.png`, animations: 'disabled' });
    await context.setOffline(false);
    await expect.poll(() => w.pending.count()).toBe(0);
    await w.visitorSaid('Typed on the train').waitFor();
    const detail = await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`);
    expect(detail.messages.filter((m) => m.content.text === 'Typed on the train')).toHaveLength(1);
    expect(await w.visitorSaid('Typed on the train').count()).toBe(1);

    // An agent message sent while the visitor was away arrives through catch-up by seq, once.
    await context.setOffline(true);
    await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/messages`, { text: 'Welcome back' });
    await context.setOffline(false);
    await w.botSays('Welcome back').waitFor();
    // A later message shows after any second copy of the first (through catch-up or the socket).
    await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/messages`, { text: 'Glad you are back' });
    await w.botSays('Glad you are back').waitFor();
    expect(await w.botSays('Welcome back').count()).toBe(1);
    await context.close();
  });

  it('shows typing indicators both ways, and the agent indicator never sticks', async () => {
    const { s, context, page, w, conversationId } = await visitorInHandoff(stack.current);
    const agentContext = await s.browser.newContext();
    const agent = await openAgentSocket(agentContext, s.runtime.url, s.agent, conversationId);

    await agent.typing(conversationId, true);
    const indicator = w.panel.locator('.typing');
    await indicator.filter({ hasText: 'Sam Agent is typing' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-agent-typing.png`, animations: 'disabled' });
    await agent.typing(conversationId, false);
    await expect.poll(() => indicator.isVisible()).toBe(false);

    // The agent's tab goes away mid-sentence: the indicator clears by itself.
    await agent.typing(conversationId, true);
    await indicator.filter({ hasText: 'Sam Agent is typing' }).waitFor();
    await agent.drop();
    await expect.poll(() => indicator.isVisible(), { timeout: 15_000 }).toBe(false);

    const again = await openAgentSocket(agentContext, s.runtime.url, s.agent, conversationId);
    await w.panel.locator('.composer textarea').pressSequentially('Hel');
    await expect
      .poll(async () => (await again.frames()).some((f) => f.type === 'typing' && f.author === 'visitor' && f.typing))
      .toBe(true);
    await agentContext.close();
    await context.close();
    // The agent's last socket closing marks them offline in the background; let that land before the
    // next test sets them online, or its handoff would take the offline branch.
    await expect.poll(() => agentPresence(s), { timeout: 15_000 }).toBe('offline');
  });

  // Last: restarts the runtime under the other tests' feet.
  it('rides out a runtime restart: reconnects, catches up by seq and sends what was typed meanwhile, once each', async () => {
    const { s, context, page, w, conversationId } = await visitorInHandoff(stack.current);
    onTestFailed(async () => {
      // What the next reader needs: the runtime's last words and what the widget showed.
      console.error(`runtime output (tail):\n${s.runtime.output().slice(-4000)}`);
      console.error(`widget banner: ${await w.banner.textContent().catch(() => '?')}`);
      console.error(
        `widget rows: ${JSON.stringify(
          await w.log
            .locator('.row')
            .allTextContents()
            .catch(() => []),
        )}`,
      );
      await page.screenshot({ path: `${SCREENSHOTS}/widget-failure-restart.png` }).catch(() => undefined);
    });
    const restarting = s.runtime.restart();
    await w.banner.filter({ hasText: 'Reconnecting' }).waitFor();
    await w.send('Typed while the server was down');
    await restarting;
    await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/messages`, { text: 'Back after the restart' });
    // Reconnect backoff tops out at 15 s, and a loaded CI machine restarts PGlite slowly: be patient.
    await w.botSays('Back after the restart').waitFor({ timeout: 60_000 });
    await expect.poll(() => w.pending.count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => w.banner.filter({ hasText: 'Reconnecting' }).count(), { timeout: 60_000 }).toBe(0);
    const detail = await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`);
    expect(detail.messages.filter((m) => m.content.text === 'Typed while the server was down')).toHaveLength(1);
    expect(await w.botSays('Back after the restart').count()).toBe(1);
    expect(await w.visitorSaid('Typed while the server was down').count()).toBe(1);
    await context.close();
  }, 180_000);
});
