import { beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { emailDb } from '../../runtime/src/email/tables';
import { isVisitorConnected } from '../../runtime/src/realtime/visitor-presence';
import { loginHeaders } from '../../runtime/test/fixtures/accounts';
import { login, SCREENSHOTS, watchConsole } from './support/browser';
import { askForPersonOnDemo } from './support/demo-widget';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_ADMIN as ADMIN } from './support/live-runtime';

async function newPage(width = 1440, height = 900) {
  const context = await live.newContext({ viewport: { width, height } });
  return context.newPage();
}

const live = withLiveDashboard();

beforeAll(async () => {
  const admin = await loginHeaders(live.runtime.url, ADMIN.email, ADMIN.password);
  const presence = await fetch(`${live.runtime.url}/api/inbox/presence`, {
    method: 'PUT',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'online' }),
  });
  expect(presence.status).toBeLessThan(300);
});

describe('CSAT end to end (live runtime on PostgreSQL, Chromium)', () => {
  it('the widget asks after the agent resolves; the rating and comment reach the inbox and the analytics', async () => {
    const visitor = await newPage(1100, 760);
    const dash = await newPage();
    onTestFailed(async () => {
      await visitor.screenshot({ path: `${SCREENSHOTS}/csat-failure-widget.png` });
      await dash.screenshot({ path: `${SCREENSHOTS}/csat-failure-dashboard.png` });
    });
    // The bot's setting: 1–5 stars unless changed.
    await login(dash, `${live.runtime.url}/app/`, ADMIN.email, ADMIN.password);
    const errors = watchConsole(dash);
    await dash.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const setting = dash.getByLabel('After a conversation is resolved, ask the visitor to rate it');
    await expect.poll(() => setting.locator('option:checked').textContent()).toBe('1–5 stars');

    // A visitor asks for a person on the demo site; the admin answers and resolves it in the inbox.
    const { panel, conversationId: id } = await askForPersonOnDemo(visitor, live.runtime.url);
    await dash.goto(`${live.runtime.url}/app/inbox/${id}`);
    const reply = dash.getByLabel('Reply to the visitor');
    await reply.fill('Your refund is on its way.');
    await reply.press('Enter');
    await panel.getByText('Your refund is on its way.').waitFor();
    await dash.getByRole('button', { name: 'Resolve' }).click();

    // The widget asks: five named star buttons, then the optional comment, then thanks.
    const scores = panel.getByRole('group', { name: 'How would you rate this conversation?' });
    await scores.waitFor();
    expect(await scores.getByRole('button').count()).toBe(5);
    await visitor.screenshot({ path: `${SCREENSHOTS}/csat-01-widget-asks.png` });
    await scores.getByRole('button', { name: '4 out of 5 stars' }).click();
    const comment = panel.getByLabel('Anything to add? (optional)');
    await comment.fill('Quick and <b>friendly</b>');
    await visitor.screenshot({ path: `${SCREENSHOTS}/csat-02-widget-comment.png` });
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: 'Thank you for your feedback!' }).waitFor();
    await visitor.screenshot({ path: `${SCREENSHOTS}/csat-03-widget-thanks.png` });

    // The inbox shows the rating and the comment (as text) on the conversation, live.
    await dash.locator('.timeline-event.event-csat').filter({ hasText: 'Visitor rated 4/5' }).waitFor();
    await dash
      .locator('.timeline-event.event-csat')
      .filter({ hasText: "Visitor's comment: Quick and <b>friendly</b>" })
      .waitFor();
    // The side panel shows the latest rating, as the live.runtime judged it, and the comment as text.
    const rating = dash.getByRole('region', { name: 'Visitor rating' });
    await rating.locator('.rating-score').filter({ hasText: '★★★★☆ 4 / 5' }).waitFor();
    expect(await rating.locator('.rating-verdict').textContent()).toBe('Satisfied');
    expect(await rating.locator('.rating-comment').textContent()).toBe('Quick and <b>friendly</b>');
    await rating.scrollIntoViewIfNeeded();
    await dash.screenshot({ path: `${SCREENSHOTS}/csat-04-inbox.png` });

    // The analytics page: the CSAT card and the admin's CSAT in the per-agent table.
    await dash.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    const card = dash.locator('.analytics-card[data-figure="Satisfaction (CSAT)"]');
    await expect.poll(() => card.locator('.analytics-card-value').textContent()).toBe('100%');
    expect(await card.locator('.analytics-card-detail').textContent()).toBe('4.0 / 5 average · 1 of 1 rated (100%)');
    const adminRow = dash
      .locator('.analytics-people')
      .first()
      .getByRole('row', { name: new RegExp(ADMIN.name) });
    expect(await adminRow.locator('td').last().textContent()).toBe('100% · 4.0 / 5 · 1 rated');
    await card.scrollIntoViewIfNeeded();
    await dash.screenshot({ path: `${SCREENSHOTS}/csat-05-analytics.png` });
    await dash.locator('.analytics-people').first().scrollIntoViewIfNeeded();
    await dash.screenshot({ path: `${SCREENSHOTS}/csat-06-analytics-people.png` });
    expect(errors).toEqual([]);
  });

  it('a visitor who left gets the rating by email; its link shows the score, takes a comment and records it', async () => {
    const visitor = await newPage(1100, 760);
    const dash = await newPage();
    const mailPage = await newPage(900, 700);
    onTestFailed(async () => {
      await mailPage.screenshot({ path: `${SCREENSHOTS}/csat-failure-email-page.png` });
    });
    const { conversationId: id } = await askForPersonOnDemo(visitor, live.runtime.url, {
      name: 'Lena Left',
      email: 'lena@example.com',
    });
    const { visitor_id } = await live.runtime.db
      .selectFrom('conversations')
      .select('visitor_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // The visitor leaves (the widget's socket closes), then the admin resolves.
    await visitor.context().close();
    await expect.poll(() => isVisitorConnected(live.runtime.db, visitor_id, 60_000)).toBe(false);
    await login(dash, `${live.runtime.url}/app/inbox/${id}`, ADMIN.email, ADMIN.password);
    await dash.getByRole('button', { name: 'Resolve' }).click();
    const ratingEmail = () =>
      emailDb(live.runtime.db)
        .selectFrom('email_outbox')
        .select(['to_address', 'text'])
        .where('conversation_id', '=', id)
        .where('kind', '=', 'csat_request')
        .executeTakeFirst();
    await expect.poll(ratingEmail).toBeDefined();
    const mail = (await ratingEmail())!;
    expect(mail.to_address).toBe('lena@example.com');
    const links = [...mail.text.matchAll(/https?:\/\/\S+\/api\/email\/csat\?token=[\w.-]+/g)].map((m) => new URL(m[0]));
    expect(links).toHaveLength(5);
    // The second link is 4 stars (5 to 1); opened on this runtime's address.
    await mailPage.goto(`${live.runtime.url}${links[1]!.pathname}${links[1]!.search}`);
    await mailPage.getByRole('heading', { name: 'How did we do?' }).waitFor();
    expect(await mailPage.getByLabel('Your rating').textContent()).toBe('★★★★☆ (4 out of 5)');
    await mailPage.getByLabel('Anything to add? (optional)').fill('Fixed <i>fast</i>');
    await mailPage.screenshot({ path: `${SCREENSHOTS}/csat-07-email-page.png` });
    await mailPage.getByRole('button', { name: 'Send my rating' }).click();
    await mailPage.getByText('Your rating was recorded').waitFor();
    await mailPage.screenshot({ path: `${SCREENSHOTS}/csat-08-email-thanks.png` });
    await dash
      .locator('.timeline-event.event-csat')
      .filter({ hasText: "Visitor's comment: Fixed <i>fast</i>" })
      .waitFor();
    expect(await dash.locator('.timeline-event.event-csat').first().textContent()).toContain('Visitor rated 4/5');
  });
});
