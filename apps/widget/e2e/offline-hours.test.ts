import { describe, expect, it } from 'vitest';
import { DESKTOP, SCREENSHOTS } from './browser';
import { askForPersonOffline, bareHandoffFlow, visitorAtMainMenu } from './handoff-visitor';
import { startHostPage } from './host-page';
import { api } from './runtime-api';
import { storedConversationId, useStack } from './stack';
import { widget } from './widget-page';

const stack = useStack();
const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface OfficeHours {
  preview: { open: boolean; description: string };
}
interface Detail {
  conversation: { variables: Record<string, unknown> };
  messages: { author: string; content: { type: string; text?: string; kind?: string } }[];
  visitor: { email: string | null; name: string | null };
}

describe('outside office hours, against the real runtime', () => {
  it('an agent is online but the office is closed: the widget goes offline and the email lands on the conversation', async () => {
    const s = stack.current;
    await s.asAgent('PUT', '/api/inbox/presence', { status: 'online' });
    // Open only two days from now (UTC), so now is outside office hours whatever the clock says.
    const openDay = KEYS[(new Date().getUTCDay() + 2) % 7]!;
    const saved = await api<OfficeHours>(s.runtime.url, s.admin, 'PUT', '/api/admin/office-hours', {
      schedule: { timezone: 'UTC', weekly: { [openDay]: [{ start: '09:00', end: '17:00' }] }, holidays: [] },
      replyTime: { mode: 'manual', bucket: 'a few hours' },
      offlineWhen: { outsideHours: true, noAgentOnline: false },
    });
    expect(saved.preview.open).toBe(false);
    expect(saved.preview.description).toMatch(/^Opens .+ at 09:00 \(UTC\)$/);

    const { context, page, w } = await visitorAtMainMenu(s);
    const email = await askForPersonOffline(w);
    await email.fill('late.visitor@example.com');
    await email.press('Enter');
    await w.botSays("Thanks! We'll write to late.visitor@example.com soon.").waitFor();
    // The flow asked for the email itself, so the widget's own offline form never showed.
    expect(await w.panel.locator('form.offline').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-outside-hours.png`, animations: 'disabled' });

    const conversationId = await storedConversationId(page, s.botId);
    await expect
      .poll(
        async () =>
          (await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`)).conversation.variables.email,
      )
      .toBe('late.visitor@example.com');
    const detail = await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`);
    const botTexts = detail.messages.filter((m) => m.author === 'bot').map((m) => m.content.text);
    // The offline message carries the next opening from the office hours set above.
    expect(botTexts).toContainEqual(expect.stringMatching(/^We're offline right now\. Opens .+ at 09:00 \(UTC\)\.$/));
    // The flow's Send email block told the team, through the durable outbox.
    await expect
      .poll(
        async () => {
          const { emails } = await api<{ emails: { conversationId: string | null; status: string }[] }>(
            s.runtime.url,
            s.admin,
            'GET',
            '/api/email/outbox',
          );
          return emails.filter((e) => e.conversationId === conversationId).map((e) => e.status);
        },
        { timeout: 20_000 },
      )
      .toContain('sent');
    await context.close();
  });

  it("a flow with nothing after its offline output: the widget's own form stores the email on the visitor", async () => {
    const s = stack.current;
    const admin = <T>(method: string, path: string, body?: unknown) =>
      api<T>(s.runtime.url, s.admin, method, path, body);
    const { bot } = await admin<{ bot: { id: string } }>('POST', '/api/admin/bots', {
      name: 'Bare',
      allowedOrigins: ['*'],
    });
    const { flow } = await admin<{ flow: { id: string } }>('POST', '/api/admin/flows', {
      botId: bot.id,
      name: 'Bare handoff',
      draft: bareHandoffFlow,
    });
    await admin('POST', `/api/admin/flows/${flow.id}/publish`, { note: 'bare' });
    const host = await startHostPage({ runtimeUrl: s.runtime.url, botId: bot.id });
    const context = await s.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(host.url);
    const w = widget(page);
    await w.launcher.click();
    await w.botSays('Sorry, the team is away.').waitFor();
    const form = w.panel.locator('form.offline');
    await form.waitFor();
    // The offline event drives the form; it is not a line of its own for the visitor.
    expect(await w.log.locator('.row.event.offline').count()).toBe(0);
    await form.getByLabel('Email').fill('not-an-email');
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByRole('alert').filter({ hasText: /email/i }).waitFor();
    await form.getByLabel('Email').fill('bare.visitor@example.com');
    await form.getByLabel(/Name/).fill('Bea Bare');
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByRole('status').filter({ hasText: 'bare.visitor@example.com' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-offline-form.png`, animations: 'disabled' });

    const conversationId = await storedConversationId(page, bot.id);
    const detail = await s.asAgent<Detail>('GET', `/api/inbox/conversations/${conversationId}`);
    expect(detail.visitor).toMatchObject({ email: 'bare.visitor@example.com', name: 'Bea Bare' });
    const kinds = detail.messages.filter((m) => m.content.type === 'event').map((m) => m.content.kind);
    expect(kinds).toEqual(expect.arrayContaining(['offline', 'email_captured']));
    // Once captured, a reload does not ask again.
    await page.reload();
    await w.launcher.click();
    await w.botSays('Sorry, the team is away.').waitFor();
    await expect.poll(() => w.panel.locator('form.offline').count()).toBe(0);
    await context.close();
    await host.close();
  });
});
