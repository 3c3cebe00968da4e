import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type FakeResendServer, startFakeResend } from '../../runtime/test/fakes/resend-server';
import { postResendWebhook, receivedEvent } from '../../runtime/test/fakes/resend-webhook';
import { login, SCREENSHOTS, watchConsole } from './support/browser';
import { demoConversationId, demoWidget } from './support/demo-widget';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_AGENT as AGENT } from './support/live-runtime';

const VISITOR_EMAIL = 'vera.continuity@example.com';
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;

let fake: FakeResendServer;

const live = withLiveDashboard({
  env: async () => {
    fake = await startFakeResend();
    return {
      RESEND_API_KEY: 're_e2e_key',
      RESEND_BASE_URL: fake.baseUrl,
      RESEND_WEBHOOK_SECRET: SECRET,
      EMAIL_REPLY_DOMAIN: 'reply.example.test',
      EMAIL_REPLY_GRACE_MS: '300',
    };
  },
  close: async () => {
    await fake?.close();
  },
});

async function newPage(viewport = { width: 1280, height: 800 }) {
  const context = await live.newContext({ viewport });
  return { context, page: await context.newPage() };
}

describe('email continuity end to end on PostgreSQL (widget, inbox, fake Resend)', () => {
  it('the reply reaches a visitor who left by email; the emailed answer appears live in the inbox; the link reopens the chat elsewhere', async () => {
    // The agent has the inbox open.
    const agent = await newPage();
    await login(agent.page, `${live.runtime.url}/app/`, AGENT.email, AGENT.password);
    await agent.page.getByRole('heading', { name: 'Conversations' }).waitFor();
    const agentErrors = watchConsole(agent.page);

    // A visitor known by email asks for a person, then closes the tab.
    const visitor = await newPage({ width: 1100, height: 760 });
    await visitor.page.goto(`${live.runtime.url}/demo`);
    await visitor.page.evaluate(
      (email) =>
        (window as unknown as { Flowdesk: { identify(v: object): void } }).Flowdesk.identify({ name: 'Vera', email }),
      VISITOR_EMAIL,
    );
    const w = demoWidget(visitor.page);
    await w.launcher.click();
    await w.row('What can I help you with?').waitFor();
    await w.button('Talk to a human').click();
    await w.row(/Connecting you/).waitFor();
    const conversationId = await demoConversationId(visitor.page);

    // Under the reply box the agent reads how a reply reaches Vera: in the chat while it is open, by email once she left.
    await agent.page.goto(`${live.runtime.url}/app/inbox/${conversationId}`);
    const reach = agent.page.locator('.composer-footer .hint');
    await expect.poll(() => reach.textContent()).toBe('Vera is in the chat and sees this at once.');
    await visitor.context.close();
    const away = `Vera has left the chat: replies are emailed to ${VISITOR_EMAIL} unless they come back.`;
    await expect
      .poll(
        async () => {
          await agent.page.reload();
          await reach.waitFor();
          return reach.textContent();
        },
        { timeout: 20_000 },
      )
      .toBe(away);
    await agent.page.screenshot({ path: `${SCREENSHOTS}/email-continuity-0-reach.png` });

    // The agent answers in the inbox.
    const box = agent.page.getByLabel('Reply to the visitor');
    await box.fill('Hi Vera, Sam here: your refund is on its way.');
    await box.press('Enter');
    await agent.page.locator('.msg-agent').filter({ hasText: 'your refund is on its way' }).waitFor();
    expect(await reach.textContent()).toBe(away);

    // The visitor is gone: the reply goes by email, from the conversation's reply address, with a link.
    await expect
      .poll(() => fake.delivered.filter((d) => [d.payload.to].flat().includes(VISITOR_EMAIL)).length, {
        timeout: 20_000,
      })
      .toBe(1);
    const email = fake.delivered.find((d) => [d.payload.to].flat().includes(VISITOR_EMAIL))!.payload;
    const replyAddress = /<([^>]+)>$/.exec(email.from)?.[1] ?? '';
    expect(replyAddress).toMatch(/^reply\+[0-9a-f]{32}-[0-9a-f]{20}@reply\.example\.test$/);
    expect(email.text).toContain('your refund is on its way');
    const link = /(https?:\/\/\S+flowdesk_continue=[^\s)\]]+)/.exec(email.text ?? '')?.[1] ?? '';
    expect(link).toContain('/demo?bot=');

    // A forged answer is refused; the visitor's real answer (signed) lands in the same conversation, live.
    const inbound = `${live.runtime.url}/api/email/inbound`;
    const forgedId = fake.receive({ from: VISITOR_EMAIL, to: [replyAddress], subject: 'Re', text: 'FORGED' });
    const forged = await postResendWebhook(
      inbound,
      `whsec_${randomBytes(24).toString('base64')}`,
      receivedEvent(forgedId, replyAddress, VISITOR_EMAIL),
    );
    expect(forged.status).toBe(401);
    const emailId = fake.receive({
      from: `Vera <${VISITOR_EMAIL}>`,
      to: [replyAddress],
      subject: 'Re: Sam Agent replied',
      text: 'Great, thank you! Order 4821.\n\nOn Fri, Dec 4, 2026 Sam wrote:\n> Hi Vera, Sam here: your refund is on its way.\n',
    });
    const answered = await postResendWebhook(inbound, SECRET, receivedEvent(emailId, replyAddress, VISITOR_EMAIL));
    expect(answered.status).toBe(200);
    const emailed = agent.page.locator('.msg-visitor').filter({ hasText: 'Great, thank you! Order 4821.' });
    await emailed.waitFor();
    expect(await emailed.textContent()).not.toContain('your refund is on its way');
    // The agent can tell it came from her mailbox; what she typed in the chat says nothing of the kind.
    expect(await emailed.locator('.msg-tag').allTextContents()).toEqual(['by email']);
    const typed = agent.page.locator('.msg-visitor').filter({ hasNotText: 'Great, thank you! Order 4821.' });
    expect(await typed.count()).toBeGreaterThan(0);
    expect(await typed.locator('.msg-tag').count()).toBe(0);
    expect(await agent.page.locator('.msg-visitor').filter({ hasText: 'FORGED' }).count()).toBe(0);
    await agent.page.screenshot({ path: `${SCREENSHOTS}/email-continuity-1-inbox.png` });

    // The link opens the chat with its whole history in a browser that never saw this visitor.
    const fresh = await newPage({ width: 1100, height: 760 });
    const errors = watchConsole(fresh.page);
    const url = new URL(link);
    await fresh.page.goto(`${live.runtime.url}${url.pathname}${url.search}`);
    const again = demoWidget(fresh.page);
    await again.row('Great, thank you! Order 4821.').waitFor();
    await again.row('your refund is on its way').waitFor();
    await again.row('What can I help you with?').waitFor();
    expect(new URL(fresh.page.url()).searchParams.has('flowdesk_continue')).toBe(false);
    await fresh.page.screenshot({ path: `${SCREENSHOTS}/email-continuity-2-link.png` });
    expect(errors).toEqual([]);
    expect(agentErrors).toEqual([]);
  });
});
