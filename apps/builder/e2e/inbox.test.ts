import { describe, expect, it, onTestFailed } from 'vitest';
import { login, SCREENSHOTS, watchConsole } from './support/browser';
import { demoConversationId, demoWidget } from './support/demo-widget';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_ADMIN as ADMIN, DEMO_AGENT as AGENT } from './support/live-runtime';

const live = withLiveDashboard();

async function openAgent(who = AGENT) {
  const context = await live.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await login(page, `${live.runtime.url}/app/`, who.email, who.password);
  if (who === ADMIN) {
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('link', { name: /Conversations/ }).click();
  }
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
  // Errors after sign-in count (the signed-out /api/auth/me probe answers 401 by design).
  const errors = watchConsole(page);
  // The dashboard marks the agent online when the inbox opens.
  await expect
    .poll(
      async () =>
        (
          await live.runtime.db
            .selectFrom('users')
            .select('presence')
            .where('email', '=', AGENT.email)
            .executeTakeFirstOrThrow()
        ).presence,
    )
    .toBe('online');
  return { page, errors };
}

async function openVisitor() {
  const context = await live.newContext({ viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  await page.goto(`${live.runtime.url}/demo`);
  const w = demoWidget(page);
  await w.launcher.click();
  await w.says('What can I help you with?').waitFor();
  return { page, w };
}

describe('agents inbox end to end on PostgreSQL (visitor widget + agent dashboard)', () => {
  it('handoff appears flagged within a second with summary and priority; reply, private note, hand back', async () => {
    const agent = await openAgent();
    const visitor = await openVisitor();
    onTestFailed(async () => {
      await agent.page.screenshot({ path: `${SCREENSHOTS}/inbox-failure-agent.png` });
      await visitor.page.screenshot({ path: `${SCREENSHOTS}/inbox-failure-visitor.png` });
    });
    await agent.page.screenshot({ path: `${SCREENSHOTS}/inbox-01-empty.png` });

    const clicked = Date.now();
    const sent = visitor.page.waitForResponse((r) => r.url().includes('/messages') && r.request().method() === 'POST');
    const listed = agent.page.waitForResponse((r) => r.url().includes('/api/inbox/conversations?'));
    await visitor.w.button('Talk to a human').click();
    await sent;
    const answeredMs = Date.now() - clicked;
    await listed;
    console.log(
      `visitor message answered after ${answeredMs} ms; inbox list reloaded after ${Date.now() - clicked} ms`,
    );
    const flagged = agent.page.locator('.inbox-row').filter({ has: agent.page.locator('.status-needs_agent') });
    // Live: the agent did nothing, the list reloaded on the socket's word and shows the row (how fast is
    // measured, not asserted: speed goals live in bench/ and BENCHMARKS.md).
    await flagged.waitFor();
    console.log(`handoff visible in the inbox after ${Date.now() - clicked} ms`);
    await expect.poll(() => flagged.locator('.status-badge').textContent()).toBe('Needs agent');
    await expect.poll(() => agent.page.locator('.nav-badge').first().textContent()).toContain('1');

    await flagged.click();
    const summary = agent.page.locator('.summary-card');
    await expect
      .poll(() => summary.locator('.summary-text').textContent(), { timeout: 10_000 })
      .not.toBe('Writing the summary…');
    await expect.poll(() => agent.page.locator('.conversation-header .priority-badge').count()).toBe(1);
    await agent.page.screenshot({ path: `${SCREENSHOTS}/inbox-02-handoff-summary.png` });

    // R focuses the reply box; Shift+Enter is a new line; Enter sends.
    await agent.page.locator('.transcript').click();
    await agent.page.keyboard.press('r');
    await expect
      .poll(() => agent.page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Reply to the visitor');
    await agent.page.keyboard.type('Hi, Sam here from Acme.');
    await agent.page.keyboard.press('Shift+Enter');
    await agent.page.keyboard.type('How can I help?');
    await agent.page.keyboard.press('Enter');
    await visitor.w.says('Hi, Sam here from Acme.').waitFor();
    expect(await visitor.w.says('Hi, Sam here from Acme.').textContent()).toContain('How can I help?');
    await visitor.w.says('Sam Agent joined the conversation').waitFor();
    await agent.page.locator('.msg-agent').filter({ hasText: 'How can I help?' }).waitFor();

    // A private note with an @mention: shown distinctly to agents, never to the visitor.
    await agent.page.getByRole('tab', { name: /Private note/ }).click();
    const box = agent.page.getByLabel('Private note for your team');
    await box.fill('');
    await box.pressSequentially('Refund approved by @ad');
    await agent.page.locator('.composer-suggestions').getByText('Ada Admin').waitFor();
    // A busy machine's frames come late: what is typed right after the pick still lands after the mention
    // (the caret was once placed a frame later, moving it back mid-word: "…@Ada_Admin ECRET-NOTES").
    await agent.page.evaluate(() => {
      const frame = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => {
        setTimeout(() => frame(callback), 200);
        return 0;
      };
    });
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('Refund approved by @Ada_Admin ');
    await box.pressSequentially('SECRET-NOTE', { delay: 40 });
    await expect.poll(() => box.inputValue()).toBe('Refund approved by @Ada_Admin SECRET-NOTE');
    await box.press('Enter');
    const note = agent.page.locator('.msg-note').filter({ hasText: 'SECRET-NOTE' });
    await note.waitFor();
    await expect(note.locator('.note-tag').textContent()).resolves.toBe('Private note');
    await agent.page.screenshot({ path: `${SCREENSHOTS}/inbox-03-reply-and-note.png` });

    // Hand back: the bot continues where the handoff left off. Ending the conversation is offered too.
    await agent.page.getByRole('button', { name: 'Hand back to bot' }).click();
    const handBack = agent.page.getByRole('dialog', { name: 'Hand back to the bot' });
    const resumeAt = handBack.getByLabel('Resume at block');
    await resumeAt.selectOption({ label: 'End the conversation' });
    await handBack.getByRole('button', { name: 'End conversation' }).waitFor();
    await resumeAt.selectOption({ index: 0 });
    await handBack.getByRole('button', { name: 'Hand back' }).click();
    await expect.poll(() => visitor.w.says('Anything else I can help with?').count(), { timeout: 5000 }).toBe(1);
    await visitor.w.button("No, that's all").waitFor();
    await agent.page
      .locator('.timeline-event')
      .filter({ hasText: 'handed the conversation back to the bot' })
      .waitFor();
    await visitor.page.screenshot({ path: `${SCREENSHOTS}/inbox-04-visitor-after-handback.png` });
    await agent.page.screenshot({ path: `${SCREENSHOTS}/inbox-05-agent-after-handback.png` });
    const widgetText = await visitor.page.locator('flowdesk-widget').evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(widgetText).toContain('Hi, Sam here from Acme.');
    expect(widgetText).not.toContain('SECRET-NOTE');
    expect(agent.errors).toEqual([]);
  });

  it('takes over a conversation the bot is still handling', async () => {
    const agent = await openAgent();
    const visitor = await openVisitor();
    onTestFailed(async () => {
      await agent.page.screenshot({ path: `${SCREENSHOTS}/inbox-failure-takeover.png` });
    });
    const conversationId = await demoConversationId(visitor.page);
    expect(conversationId).toBeTruthy();
    await agent.page.getByRole('tab', { name: /^All/ }).click();
    const botRow = agent.page.locator(`.inbox-row[data-conversation-id="${conversationId}"]`);
    await botRow.waitFor();
    expect(await botRow.locator('.status-badge').textContent()).toBe('Bot');
    await botRow.click();
    await agent.page.locator('.msg-bot').filter({ hasText: 'What can I help you with?' }).first().waitFor();
    await agent.page.getByRole('button', { name: 'Take over' }).click();
    await visitor.w.says('Sam Agent joined the conversation').waitFor();
    await expect.poll(() => agent.page.locator('.conversation-header .status-badge').textContent()).toBe('With agent');
    const reply = agent.page.getByLabel('Reply to the visitor');
    await reply.fill('Jumping in: we have a spring sale today!');
    await reply.press('Enter');
    await visitor.w.says('spring sale').waitFor();
    await agent.page.screenshot({ path: `${SCREENSHOTS}/inbox-06-takeover.png` });
    await visitor.page.screenshot({ path: `${SCREENSHOTS}/inbox-07-visitor-takeover.png` });
    expect(agent.errors).toEqual([]);
  });

  it('admin sets a default team and a canned response; the handoff is routed, / inserts the reply, typing shows', async () => {
    const admin = await openAgent(ADMIN);
    onTestFailed(async () => {
      await admin.page.screenshot({ path: `${SCREENSHOTS}/inbox-failure-settings.png` });
    });
    await admin.page.goto(`${live.runtime.url}/app/settings/teams`);
    const team = (name: string) => admin.page.locator('fieldset.team-card').filter({ hasText: name });
    await team('Support').getByText('Default').waitFor(); // the demo seed routes handoffs to Support
    await admin.page.getByLabel('Team name').fill('Billing');
    await admin.page.getByRole('button', { name: 'Add team' }).click();
    await team('Billing').getByRole('button', { name: 'Make default' }).click();
    await team('Billing').getByText('Default').waitFor();
    await team('Support').getByRole('button', { name: 'Make default' }).waitFor();
    await admin.page.screenshot({ path: `${SCREENSHOTS}/inbox-08-settings-teams.png` });

    await admin.page.goto(`${live.runtime.url}/app/settings/canned-responses`);
    await admin.page.getByRole('button', { name: 'New response' }).click();
    const form = admin.page.getByRole('form', { name: 'Canned response' });
    await form.getByLabel('Shortcut').fill('refund');
    await form.getByLabel('Title').fill('Refund policy');
    await form.getByLabel('Text').fill('Refunds reach your card within 5 business days.');
    await form.getByRole('button', { name: 'Save' }).click();
    await admin.page.getByRole('cell', { name: '/refund', exact: true }).waitFor();
    await admin.page.screenshot({ path: `${SCREENSHOTS}/inbox-09-settings-canned.png` });

    const visitor = await openVisitor();
    await visitor.w.button('Talk to a human').click();
    await admin.page.goto(`${live.runtime.url}/app/inbox`);
    const flagged = admin.page
      .locator('.inbox-row')
      .filter({ has: admin.page.locator('.status-needs_agent') })
      .first();
    await flagged.waitFor();
    await flagged.click();
    await expect.poll(() => admin.page.getByLabel('Team', { exact: true }).inputValue()).not.toBe('');
    expect(await admin.page.locator('.timeline-event').filter({ hasText: 'Routed to the Billing team' }).count()).toBe(
      1,
    );

    // The visitor types: the agent sees it.
    await visitor.page.locator('flowdesk-widget [role="dialog"] .composer textarea').pressSequentially('I paid tw');
    await admin.page.locator('.typing-indicator').waitFor();

    const reply = admin.page.getByLabel('Reply to the visitor');
    await reply.click();
    await reply.pressSequentially('/zz');
    await admin.page.getByRole('status').filter({ hasText: 'No canned response matches “/zz”.' }).waitFor();
    await reply.fill('');
    await reply.pressSequentially('Hello! /ref');
    await admin.page.locator('.composer-suggestions').getByText('Refund policy').waitFor();
    await admin.page.screenshot({ path: `${SCREENSHOTS}/inbox-10-canned-picker.png` });
    await reply.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe('Hello! Refunds reach your card within 5 business days.');
    await reply.press('Enter');
    await visitor.w.says('Refunds reach your card within 5 business days.').waitFor();
    expect(admin.errors).toEqual([]);
  });
});
