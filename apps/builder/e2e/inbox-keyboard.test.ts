import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { login, SCREENSHOTS, watchConsole } from './support/browser';
import { demoConversationId, demoWidget } from './support/demo-widget';
import { withLiveDashboard } from './support/live-dashboard';
import { DEMO_ADMIN as ADMIN } from './support/live-runtime';

const live = withLiveDashboard();

/** A named visitor on the demo site (website variables set through the SDK) who asks for a person. */
async function visitorAsksForHelp(name: string, variables: Record<string, unknown>) {
  const context = await live.newContext({ viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  await page.goto(`${live.runtime.url}/demo`);
  await page.evaluate(
    ([who, vars]) => {
      const sdk = (window as unknown as { Flowdesk: { identify(v: object): void; setVariables(v: object): void } })
        .Flowdesk;
      sdk.identify({ name: who, email: `${String(who).split(' ')[0]!.toLowerCase()}@example.com` });
      if (Object.keys(vars as object).length > 0) sdk.setVariables(vars as object);
    },
    [name, variables] as const,
  );
  const { panel, launcher, button } = demoWidget(page);
  await launcher.click();
  await panel.getByText('What can I help you with?').waitFor();
  await button('Talk to a human').click();
  // Nobody is online yet: the handoff takes the offline branch, which asks for an email. (Waiting for the
  // text box instead raced the reply: it shows while the choice is sent, then gives way to the email field.)
  await panel.locator('.composer input[type="email"]').waitFor();
  return demoConversationId(page);
}

const openName = (page: Page) => page.locator('.conversation-header h2').textContent();

describe('inbox keyboard: j / k, assign to me, resolve, note, reply, ? for the list; reopen; editor ?', () => {
  it('works the inbox from the keyboard, reopens, and lists blocks and variables for people', async () => {
    const ann = await visitorAsksForHelp('Ann Lee', {});
    const bob = await visitorAsksForHelp('Bob Ray', {
      plan: 'Pro',
      order_id: 'A-17',
      newsletter: true,
      seats: 12,
    });
    const context = await live.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/inbox-keys-failure.png` });
    });
    await login(page, `${live.runtime.url}/app/`, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const errors = watchConsole(page);
    await page.getByRole('link', { name: /Conversations/ }).click();
    const rows = page.locator('.inbox-row');
    await expect.poll(() => rows.count()).toBe(2);
    const order = await rows.evaluateAll((links) => links.map((l) => l.getAttribute('data-conversation-id')));
    expect(new Set(order)).toEqual(new Set([ann, bob]));
    const nameOf = (id: string | null) => (id === ann ? 'Ann Lee' : 'Bob Ray');

    // J opens the first conversation, J the next, K goes back.
    await page.keyboard.press('j');
    await expect.poll(() => openName(page)).toBe(nameOf(order[0]!));
    await page.keyboard.press('j');
    await expect.poll(() => openName(page)).toBe(nameOf(order[1]!));
    expect(page.url()).toContain(`/inbox/${order[1]}`);
    await page.keyboard.press('k');
    await expect.poll(() => openName(page)).toBe(nameOf(order[0]!));
    if (order[0] !== ann) await page.keyboard.press('j');
    await expect.poll(() => openName(page)).toBe('Ann Lee');

    // A: assigned to me (nobody was online: it waited unassigned).
    const header = page.locator('.conversation-header');
    expect(await page.getByLabel('Assignee').inputValue()).toBe('');
    await page.keyboard.press('a');
    await expect.poll(() => header.locator('.presence-label').textContent()).toBe('With Ada Admin · online');

    // N: a private note; Esc leaves the box; R: the reply box, Enter sends.
    /** `key` focuses the box named `box`; `text` typed there and sent with Enter shows as a `shownAs` message. */
    const sendWithShortcut = async (key: string, box: string, text: string, shownAs: string) => {
      await page.keyboard.press(key);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(box);
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.locator(shownAs).filter({ hasText: text }).waitFor();
      await page.keyboard.press('Escape');
    };
    await sendWithShortcut('n', 'Private note for your team', 'Checked the order: refund approved', '.msg-note');
    // Shortcuts apply once no text box has the focus (a key typed into the note box is text).
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
    await sendWithShortcut('r', 'Reply to the visitor', 'Hi Ann, your refund is on its way.', '.msg-agent');

    // ?: the list of shortcuts.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Inbox keyboard shortcuts' });
    await help.waitFor();
    for (const does of ['Next conversation', 'Previous conversation', 'Assign the open conversation to me'])
      await help.getByRole('cell', { name: does }).waitFor();
    await help.getByRole('cell', { name: 'Resolve the open conversation' }).waitFor();
    await help.getByRole('cell', { name: 'Write a private note' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-keys-01-help.png` });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // E: resolved. Reopen brings it back, held by me.
    await page.keyboard.press('e');
    await expect.poll(() => header.locator('.status-badge').textContent()).toBe('Resolved');
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-keys-02-resolved.png` });
    await header.getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => header.locator('.status-badge').textContent()).toBe('With agent');
    await expect.poll(() => header.locator('.presence-label').textContent()).toBe('With Ada Admin · online');
    await page.locator('.timeline-event').filter({ hasText: 'Ada Admin reopened the conversation' }).waitFor();

    // The hand-back dialog names blocks as people know them, never by internal id.
    await header.getByRole('button', { name: 'Hand back to bot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand back to the bot' });
    const labels = await dialog.getByLabel('Resume at block').locator('option').allTextContents();
    expect(labels).toContain('Ask with buttons · What can I help you with?');
    expect(labels).toContain('End conversation · Have a great day!');
    for (const label of labels) expect(label).not.toMatch(/[a-z]+_[a-z]+|· [a-z_]+$/);
    // Shown as an open list for the screenshot (a closed native select draws only its current choice).
    await dialog.getByLabel('Resume at block').evaluate((select) => {
      (select as HTMLSelectElement).size = 16;
    });
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-keys-03-hand-back-labels.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Bob's variables read as key/value lists, never raw JSON: the website's, and the bot's (nested ones too: an
    // HTTP block's answer mapped into `order`, written here as the engine would).
    const { variables } = await live.runtime.db
      .selectFrom('conversations')
      .select('variables')
      .where('id', '=', bob)
      .executeTakeFirstOrThrow();
    await live.runtime.db
      .updateTable('conversations')
      .set({ variables: JSON.stringify({ ...variables, order: { id: 'A-17', items: 2 } }) })
      .where('id', '=', bob)
      .execute();
    await page.goto(`${live.runtime.url}/app/inbox/${bob}`);
    await expect.poll(() => openName(page)).toBe('Bob Ray');
    const website = page.getByRole('region', { name: 'Set by the website' });
    await website.getByText('A-17').waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, with a break between each label and value
    const text = await website.innerText();
    expect(text).toMatch(/Plan\s+Pro/);
    expect(text).toMatch(/Order id\s+A-17/);
    expect(text).toMatch(/Newsletter\s+Yes/);
    expect(text).toMatch(/Seats\s+12/);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, as above
    const captured = await page.getByRole('region', { name: 'Captured by the bot' }).innerText();
    expect(captured).toMatch(/Order\s+Id\s+A-17\s+Items\s+2/);
    // The bot's own list leaves out what the inbox shows elsewhere: the last message, the visitor's details, the
    // website's variables (copied into the conversation).
    expect(captured).not.toMatch(/Last message|Visitor|Bob Ray|Plan|Seats|Order id|Newsletter/);
    expect(captured).toMatch(/Topic\s+Talk to a human/);
    for (const shown of [text, captured]) expect(shown).not.toMatch(/[{}[\]"]/);
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-keys-04-variables.png` });
    expect(errors).toEqual([]);
  });

  it('? in the flow editor lists the editor shortcuts', async () => {
    const context = await live.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await login(page, `${live.runtime.url}/app/`, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const errors = watchConsole(page);
    const flow = await live.runtime.db.selectFrom('flows').select('id').executeTakeFirstOrThrow();
    await page.goto(`${live.runtime.url}/app/flows/${flow.id}`);
    await page.getByRole('application').or(page.locator('.react-flow')).first().waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Editor keyboard shortcuts' });
    await help.waitFor();
    for (const does of ['Undo', 'Redo', 'Copy the selected blocks', 'Paste', 'Duplicate the selected blocks'])
      await help.getByRole('cell', { name: does, exact: true }).first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/editor-shortcuts-help.png` });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
