import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type HostPage, startHostPage } from '../../widget/e2e/host-page';
import { api, login as apiLogin, type Session } from '../../widget/e2e/runtime-api';
import { widget } from '../../widget/e2e/widget-page';
import { humanKey } from '../src/inbox/conversation/VariableList';
import { launchBrowser, login, SCREENSHOTS, type TestBrowser } from './support/browser';
import { DEMO_ADMIN, DEMO_AGENT, type LiveRuntime, signInAsDemoAgent, startLiveRuntime } from './support/live-runtime';
import { xssChecks } from './support/xss-checks';
import { labelled, payload, XSS_PAYLOADS } from './support/xss-corpus';
import { FLOW_EMAIL_TO, MENU_BUTTONS } from './support/xss-flow';
import {
  BOT,
  BOT_ID,
  cannedTitle,
  EVE,
  hostileSdkCalls,
  hostVariableName,
  seedHostileWorkspace,
  TEAMS,
  VISITOR,
} from './support/xss-seed';
import { payloadElementsInPage } from './support/xss-tripwire';

let live: LiveRuntime;
let browser: TestBrowser;
let hostPage: HostPage;
let admin: Session;
let agent: Session;
let flowId = '';
let eveId = '';
const { canaryPage, openPage, expectInert, expectShown, expectNothingRan, close } = xssChecks(() => browser);

/** What the flow's message, link, image and menu blocks say. */
const flowTexts = [...XSS_PAYLOADS, payload(1), payload(3), payload(6)];

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveRuntime(), launchBrowser()]);
  const { url } = live.runtime;
  [admin, agent] = await Promise.all([
    apiLogin(url, DEMO_ADMIN.email, DEMO_ADMIN.password),
    apiLogin(url, DEMO_AGENT.email, DEMO_AGENT.password),
  ]);
  ({ eveId, flowId } = await seedHostileWorkspace(url, admin));
  hostPage = await startHostPage({ runtimeUrl: url, botId: BOT_ID, beforeLoad: hostileSdkCalls() });
});

afterAll(async () => {
  await close(XSS_PAYLOADS.length);
  await browser?.close();
  await hostPage?.close();
  await live?.close();
});

describe('XSS: hostile text stays inert in the widget, the inbox, the builder and emails (real runtime, Chromium)', () => {
  it('the tripwire and the element scan see the corpus when it is parsed as HTML (canary)', async () => {
    const { page, wire: canary } = await canaryPage();
    await page.setContent(`<body>${XSS_PAYLOADS.join('\n')}</body>`);
    await expect.poll(() => canary.hits.length).toBeGreaterThan(0);
    expect((await payloadElementsInPage(page)).length).toBeGreaterThan(0);
  });

  it('visitor, flow, agent and note payloads render as text; nothing runs', async () => {
    const { url, db } = live.runtime;
    const agentPage = await openPage();
    const visitorPage = await openPage(1100, 900);
    onTestFailed(async () => {
      await agentPage.screenshot({ path: `${SCREENSHOTS}/xss-failure-inbox.png` });
      await visitorPage.screenshot({ path: `${SCREENSHOTS}/xss-failure-widget.png` });
    });
    // The agent is online before the handoff (otherwise the flow takes its offline branch).
    await signInAsDemoAgent(agentPage, url);

    await visitorPage.goto(hostPage.url);
    const w = widget(visitorPage);
    await w.launcher.click();
    await w.botSays('Variable says').waitFor();
    const menuText = w.panel
      .locator('.row.bot')
      .filter({ hasText: payload(6) })
      .last();
    await menuText.waitFor();
    await expectInert('widget: flow message texts', visitorPage, w.log, flowTexts);
    await expectInert('widget: variable with HTML value', visitorPage, w.botSays('Variable says'), [
      `Variable says: ${payload(2)} + ${payload(13)}`,
    ]);
    const labels = Array.from({ length: MENU_BUTTONS }, (_, i) => labelled('Pick', i + 1));
    await expectInert('widget: button labels', visitorPage, w.composer, labels);
    await expectInert('widget: bot name and header texts', visitorPage, w.panel, [BOT.name, BOT.subtitle]);
    // The flow's javascript: link and image URLs are dropped, not linked.
    expect(await w.log.locator('a[href^="javascript"], img[src^="javascript"]').count()).toBe(0);
    await visitorPage.screenshot({ path: `${SCREENSHOTS}/xss-01-widget-menu.png` });

    await w.composer.getByRole('button', { name: labelled('Pick', 2) }).click();
    await w.botSays(payload(9)).waitFor();
    await w.log.evaluate((log) => {
      for (let el: Element | null = log; el; el = el.parentElement) el.scrollTop = 0;
    });
    await visitorPage.screenshot({ path: `${SCREENSHOTS}/xss-01-widget-flow.png` });
    for (const text of XSS_PAYLOADS) await w.send(text);
    await expect.poll(() => w.panel.locator('.row.visitor').count(), { timeout: 15_000 }).toBe(XSS_PAYLOADS.length + 1);
    await expectInert('widget: visitor messages', visitorPage, w.panel.locator('.row.visitor'), XSS_PAYLOADS);

    const row = agentPage.locator('.inbox-row').filter({ has: agentPage.locator('.status-needs_agent') });
    await row.first().click();
    const transcript = agentPage.locator('.transcript');
    await transcript
      .locator('.msg-visitor')
      .filter({ hasText: payload(22) })
      .waitFor();
    const conversationId = await row.first().getAttribute('data-conversation-id');
    if (!conversationId) throw new Error('no conversation id on the inbox row');
    const reply = agentPage.getByLabel('Reply to the visitor');
    await reply.fill(payload(1));
    await reply.press('Enter');
    for (const text of XSS_PAYLOADS.slice(1)) {
      await api(url, agent, 'POST', `/api/inbox/conversations/${conversationId}/messages`, { text });
    }
    for (const text of XSS_PAYLOADS) {
      await api(url, agent, 'POST', `/api/inbox/conversations/${conversationId}/notes`, {
        text: `note ${text}`,
        mentions: [eveId],
      });
    }
    await agentPage.getByRole('tab', { name: /Private note/ }).click();
    const note = agentPage.getByLabel('Private note for your team');
    await note.pressSequentially('Look @Eve');
    await agentPage.locator('.composer-suggestions').getByText(EVE.name).waitFor();
    await expectInert('inbox: @mention suggestions', agentPage, agentPage.locator('.composer-suggestions'), [EVE.name]);
    await note.press('Enter');
    await note.pressSequentially(` ${payload(2)}`);
    await note.press('Enter');
    await agentPage.locator('.msg-note').filter({ hasText: `Look @` }).waitFor();
    await expect.poll(() => agentPage.locator('.msg-note').count(), { timeout: 10_000 }).toBe(XSS_PAYLOADS.length + 1);
    await expectInert('inbox: visitor messages', agentPage, transcript.locator('.msg-visitor'), XSS_PAYLOADS);
    const replies = transcript.locator('.msg-agent:not(.msg-note)');
    await expectInert('inbox: agent replies', agentPage, replies, XSS_PAYLOADS);
    await expectInert(
      'inbox: notes',
      agentPage,
      agentPage.locator('.msg-note'),
      XSS_PAYLOADS.map((text) => `note ${text}`),
    );
    await expectInert('inbox: flow messages', agentPage, transcript.locator('.msg-bot'), flowTexts);
    const details = agentPage.getByRole('complementary', { name: 'Conversation details' });
    await expectInert('inbox: visitor name and email', agentPage, details, [VISITOR.name, VISITOR.email]);
    // Names show as a person reads them ("order_id" → "Order id"); the exact name is the tooltip.
    await expectInert('inbox: visitor variables (names and values)', agentPage, details, [
      ...XSS_PAYLOADS.map((text, i) => humanKey(hostVariableName(i + 1, text))),
      ...XSS_PAYLOADS,
    ]);
    await expectInert('inbox: team names', agentPage, details.getByLabel('Team', { exact: true }), TEAMS);
    const summary = agentPage.locator('.summary-card .summary-text');
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).not.toBe('Writing the summary…');
    await expectInert('inbox: AI summary', agentPage, summary, [VISITOR.name]);
    await agentPage.screenshot({ path: `${SCREENSHOTS}/xss-02-inbox.png` });
    // The flow's javascript: link and image URL show as text, not as a link or an image.
    expect(await transcript.locator('a[href^="javascript"], img[src^="javascript"]').count()).toBe(0);

    await agentPage.getByRole('tab', { name: /^Reply/ }).click();
    await reply.click();
    await reply.pressSequentially('/xss');
    await agentPage.locator('.composer-suggestions').getByText(cannedTitle(1)).waitFor();
    await expectInert(
      'inbox: canned picker',
      agentPage,
      agentPage.locator('.composer-suggestions'),
      [1, 10, 11, 12].map(cannedTitle), // the picker lists 8, by shortcut
    );
    await agentPage.screenshot({ path: `${SCREENSHOTS}/xss-03-inbox-canned.png` });

    await w.panel
      .locator('.row.agent')
      .filter({ hasText: payload(22) })
      .waitFor();
    await expectInert('widget: agent replies', visitorPage, w.panel.locator('.row.agent'), XSS_PAYLOADS);
    const widgetText = await w.log.textContent();
    expect(widgetText).not.toContain('note '); // notes never reach the visitor
    await visitorPage.screenshot({ path: `${SCREENSHOTS}/xss-04-widget-agent.png` });

    await api(url, agent, 'POST', `/api/inbox/conversations/${conversationId}/resolve`);
    await w.panel.getByText(BOT.resolved).first().waitFor();
    await expectInert('widget: resolved text', visitorPage, w.panel, [BOT.resolved]);
    // Handoff alert, mentions, the flow's email and the transcript land in the local mailbox.
    const recipients = [DEMO_AGENT.email, EVE.email, FLOW_EMAIL_TO, VISITOR.email];
    await expect
      .poll(
        async () => {
          const rows = (await db
            .selectFrom('mailbox' as never)
            .select('to_address' as never)
            .execute()) as unknown as { to_address: string }[];
          return recipients.filter((to) => !rows.some((r) => r.to_address === to));
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual([]);
    expectNothingRan();
  });

  it('the builder, settings, mailbox tab and every stored email show the payloads as text', async () => {
    const { url, db } = live.runtime;
    const page = await openPage();
    onTestFailed(async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/xss-failure-builder.png`, fullPage: true });
    });
    await login(page, `${url}/app/`, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
    const flowName = page.getByText(labelled('Flow', 1, 200), { exact: true });
    await flowName.first().waitFor();
    await expectInert('builder: flow list', page, flowName, [labelled('Flow', 1, 200)]);

    await page.goto(`${url}/app/flows/${flowId}`);
    const canvas = page.locator('.react-flow');
    await canvas.locator('.react-flow__node').first().waitFor();
    await expectInert('builder: flow canvas', page, canvas, [payload(1), payload(6), payload(9)]);
    await page.getByRole('tab', { name: /Intents/ }).click();
    const side = page.locator('.side-panel, [role="tabpanel"]').first();
    await side.getByText(labelled('Intent', 1)).first().waitFor();
    await expectInert(
      'builder: intents panel',
      page,
      side,
      XSS_PAYLOADS.map((_, i) => labelled('Intent', i + 1)),
    );
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page
      .locator('.preview-entry.from-bot', { hasText: payload(6) })
      .last()
      .waitFor();
    await expectInert('builder: preview chat', page, page.locator('.preview-entry'), flowTexts);
    await page.screenshot({ path: `${SCREENSHOTS}/xss-05-builder-preview.png` });

    await page.goto(`${url}/app/settings/teams`);
    await page.locator('fieldset.team-card').first().waitFor();
    await expectInert('builder: teams and member names', page, page.locator('body'), [...TEAMS, EVE.name]);
    await page.goto(`${url}/app/settings/canned-responses`);
    await page.getByRole('cell', { name: '/xss1', exact: true }).waitFor();
    const canned = XSS_PAYLOADS.flatMap((text, i) => [cannedTitle(i + 1), text]);
    await expectInert('builder: canned responses', page, page.locator('body'), canned);
    await page.screenshot({ path: `${SCREENSHOTS}/xss-06-canned.png`, fullPage: true });

    // Every email the conversation caused, rendered with scripts on (not sandboxed) in a tripwired page.
    const mails = (await db
      .selectFrom('mailbox' as never)
      .select(['to_address', 'subject', 'html'] as never)
      .execute()) as unknown as { to_address: string; subject: string; html: string }[];
    const emailPage = await openPage();
    const emailsSurface = async (surface: string, to: string, expected: readonly string[]) => {
      const shown: string[] = [];
      for (const mail of mails.filter((m) => m.to_address === to)) {
        await emailPage.setContent(mail.html);
        expect(await payloadElementsInPage(emailPage), `${to}: ${mail.subject}`).toEqual([]);
        const structure = await emailPage.evaluate(() => ({
          scripts: document.querySelectorAll('script, iframe, object, embed').length,
          handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
            el.getAttributeNames().filter((name) => name.startsWith('on')),
          ),
        }));
        expect(structure, `${to}: ${mail.subject}`).toEqual({ scripts: 0, handlers: [] });
        shown.push(mail.subject, (await emailPage.locator('body').textContent()) ?? '');
      }
      expectShown(surface, shown.join('\n'), expected);
    };
    await emailsSurface('email: flow Send email block', FLOW_EMAIL_TO, [
      ...XSS_PAYLOADS,
      `${payload(2)} + ${payload(13)}`,
      BOT.name,
    ]);
    await emailsSurface('email: transcript to the visitor', VISITOR.email, [...XSS_PAYLOADS, payload(9), BOT.name]);
    await emailsSurface(
      'email: @mention notes',
      EVE.email,
      XSS_PAYLOADS.map((text) => `note ${text}`),
    );
    await emailsSurface('email: handoff alert', DEMO_AGENT.email, [VISITOR.name]);
    const transcriptText = mails
      .filter((m) => m.to_address === VISITOR.email)
      .map((m) => m.html)
      .join('');
    expect(transcriptText).not.toContain('note '); // notes never reach the visitor

    await page.goto(`${url}/app/settings/mailbox`);
    const inbox = page.getByRole('list', { name: 'Local mailbox' });
    const flowMail = inbox.getByRole('button', { name: payload(1) }).first();
    await flowMail.waitFor();
    await expectInert('mailbox tab: subjects', page, inbox, [payload(1), VISITOR.name]);
    await flowMail.click();
    const frame = page.frameLocator('iframe.mail-frame');
    await frame.locator('body').getByText(payload(22)).first().waitFor();
    await expectInert('mailbox tab: email frame', page, frame.locator('body'), XSS_PAYLOADS);
    await page.screenshot({ path: `${SCREENSHOTS}/xss-07-mailbox.png` });
    expectNothingRan();
  });
});
