import { describe, expect, it, onTestFailed } from 'vitest';
import { type FakeResendServer, startFakeResend } from '../../runtime/test/fakes/resend-server';
import { loginHeaders } from '../../runtime/test/fixtures/accounts';
import { SCREENSHOTS, watchConsole } from './support/browser';
import { demoWidget } from './support/demo-widget';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_ADMIN as ADMIN, DEMO_AGENT as AGENT, signInAsDemoAgent } from './support/live-runtime';

const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const URGENT = 'I was charged twice and nobody answers, get me a real person NOW';

let fake: FakeResendServer;

const live = withLiveDashboard({
  env: async () => {
    fake = await startFakeResend();
    return { RESEND_API_KEY: 're_e2e_key', RESEND_BASE_URL: fake.baseUrl };
  },
  close: async () => {
    await fake?.close();
  },
});

async function newPage(viewport = { width: 1280, height: 800 }) {
  const context = await live.newContext({ viewport });
  return context.newPage();
}

describe('the follow-up queue end to end on PostgreSQL (demo widget, inbox, fake Resend)', () => {
  it('out of hours with nobody online: the visitor is queued for follow-up with summary and priority, the agent emailed', async () => {
    // Closed now (open only two days from now, UTC) and nobody signed in.
    const admin = await loginHeaders(live.runtime.url, ADMIN.email, ADMIN.password);
    const openDay = KEYS[(new Date().getUTCDay() + 2) % 7]!;
    const saved = await fetch(`${live.runtime.url}/api/admin/office-hours`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        schedule: { timezone: 'UTC', weekly: { [openDay]: [{ start: '09:00', end: '17:00' }] }, holidays: [] },
        replyTime: { mode: 'manual', bucket: 'a few hours' },
        offlineWhen: { outsideHours: true, noAgentOnline: true },
      }),
    });
    expect(saved.status).toBe(200);

    const visitor = await newPage({ width: 1100, height: 760 });
    await visitor.goto(`${live.runtime.url}/demo`);
    const w = demoWidget(visitor);
    await w.launcher.click();
    await w.row('What can I help you with?').waitFor();
    await w.button('Talk to a human').click();
    await w.row("We're offline right now").waitFor();
    await w.row("Leave your email and we'll get back to you").waitFor();
    const email = w.panel.locator('.composer input[type="email"]');
    await email.fill('night.owl@example.com');
    await email.press('Enter');
    await w.row("Thanks! We'll write to night.owl@example.com soon.").waitFor();
    // Nobody is there: the visitor is never told a person has the conversation.
    await w.panel.getByText('The team will follow up as soon as someone is available.').waitFor();
    expect(await w.panel.getByText('The conversation was handed to a person.').count()).toBe(0);
    // The real issue comes after the handoff: it goes to the team, the summary is written again.
    const box = w.panel.locator('.composer textarea, .composer input[type="text"]').first();
    await box.fill(URGENT);
    await box.press('Enter');
    await w.row(URGENT).waitFor();
    await visitor.screenshot({ path: `${SCREENSHOTS}/follow-up-01-visitor.png` });

    // The team's agent was emailed through Resend: a new conversation waiting while they were away.
    await expect
      .poll(() => fake.delivered.filter((d) => [d.payload.to].flat().includes(AGENT.email)).length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const alert = fake.delivered.find((d) => [d.payload.to].flat().includes(AGENT.email))!;
    expect(alert.payload.subject).toMatch(/New conversation waiting while you were away/);

    // The agent opens the inbox later: the conversation waits for follow-up with since, reply by, summary, priority.
    const page = await newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/follow-up-failure-agent.png` });
      await visitor.screenshot({ path: `${SCREENSHOTS}/follow-up-failure-visitor.png` });
    });
    await signInAsDemoAgent(page, live.runtime.url);
    const errors = watchConsole(page);
    const row = page.locator('.inbox-row').filter({ has: page.locator('.follow-up-badge') });
    await row.waitFor({ timeout: 10_000 });
    await expect.poll(() => row.locator('.status-badge').textContent()).toBe('Needs agent');
    await expect.poll(() => row.locator('.inbox-row-due').textContent()).toMatch(/^reply by /);
    await expect.poll(() => row.locator('.inbox-row-time').textContent()).toMatch(/^waiting /);
    // The rewritten summary raised the priority: a double charge.
    await expect.poll(() => row.locator('.priority-badge').textContent(), { timeout: 20_000 }).toBe('high');
    await page.screenshot({ path: `${SCREENSHOTS}/follow-up-02-inbox-list.png` });

    await row.click();
    const card = page.locator('.summary-card');
    await expect
      .poll(() => card.locator('.follow-up-notice').textContent())
      .toMatch(/Waiting for follow-up · Outside office hours · waiting .+ · reply promised by .+/);
    await expect
      .poll(() => card.locator('.summary-problem').textContent(), { timeout: 20_000 })
      .toMatch(/charged twice/);
    await expect.poll(() => card.locator('.summary-details').textContent()).toContain('night.owl@example.com');
    await expect.poll(() => card.locator('.summary-next').textContent()).toMatch(/duplicate charge/);
    await expect.poll(() => card.locator('.summary-priority').textContent()).toMatch(/High priority: Double charge/);
    // User text is rendered as text.
    expect(await card.locator('.summary-problem script').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/follow-up-03-summary.png` });
    expect(errors).toEqual([]);
  });
});
