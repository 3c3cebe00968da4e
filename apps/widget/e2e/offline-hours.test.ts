import { describe, expect, it } from 'vitest';
import { DESKTOP, SCREENSHOTS } from './browser';
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
  messages: { author: string; content: { type: string; text?: string } }[];
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
    expect(saved.preview.description).toMatch(/^Opens .+ at 09:00$/);

    const context = await s.browser.newContext({ viewport: DESKTOP });
    const page = await s.openPage(context);
    const w = widget(page);
    await w.launcher.click();
    await w.botSays('What can I help you with?').waitFor();
    await w.composer.getByRole('button', { name: 'Talk to a human' }).click();
    await w.botSays("We're offline right now").waitFor();
    await w.botSays("Leave your email and we'll get back to you").waitFor();
    const email = w.composer.locator('input[type="email"]');
    await email.fill('late.visitor@example.com');
    await email.press('Enter');
    await w.botSays("Thanks! We'll write to late.visitor@example.com soon.").waitFor();
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
    expect(botTexts).toContainEqual(expect.stringMatching(/^We're offline right now\. Opens .+ at 09:00\.$/));
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
});
