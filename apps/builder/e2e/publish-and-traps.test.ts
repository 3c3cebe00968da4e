import { askInput, buttonMenu } from '@flowdesk/flow-schema';
import { beforeAll, expect, onTestFailed, test } from 'vitest';
import { sampleFlow, testFlow } from '../src/editor/model/test-flow';
import { adminApi, savedDraft } from './support/admin-api';
import { createFlowViaApi, openNewFlow } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { setupDashboard } from './support/dashboard';

// Issue 20: a flow belongs to a bot and publishing never silently replaces its live flow (item 3); the
// validation traps are problems with one-click fixes (item 4); dialogs have a thin border and focus what
// they are for (not the close button).
const { harness, page } = setupDashboard({ signedIn: true });
let salesBotId: string;

const shot = async (name: string) => {
  await page.screenshot({ path: `${SCREENSHOTS}/builder-issue20-${name}.png` });
};
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName, label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '' };
  });
const liveFlowOf = async (botId: string) =>
  (await adminApi<{ bot: { flowId: string | null } }>(page, 'GET', `/api/admin/bots/${botId}`)).bot.flowId;
const publishViaApi = (flowId: string) => adminApi(page, 'POST', `/api/admin/flows/${flowId}/publish`, {});

beforeAll(async () => {
  ({
    bot: { id: salesBotId },
  } = await adminApi<{ bot: { id: string } }>(page, 'POST', '/api/admin/bots', { name: 'Sales bot' }));
});

test('"New flow" asks which bot, preselecting the one shown; the dialog focuses its first field', async () => {
  onTestFailed(() => shot('failure-new-flow'));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  await page.getByLabel('Show flows of').selectOption({ label: 'Sales bot' });
  await page.getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.waitFor();
  await expect.poll(focused).toEqual({ tag: 'INPUT', label: '' });
  expect(await dialog.getByLabel('Name', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await dialog.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('1px');
  const bot = dialog.getByLabel('Which bot is it for?');
  expect(await bot.locator('option:checked').textContent()).toBe('Sales bot');
  await page.keyboard.type('Sales intro');
  await bot.selectOption({ label: 'Acme support' });
  await shot('01-new-flow-dialog');
  await dialog.getByRole('button', { name: 'Create flow' }).click();
  await page.waitForURL(/\/flows\//);
  const flowId = page.url().split('/flows/')[1]!;
  const { flow } = await adminApi<{ flow: { botId: string } }>(page, 'GET', `/api/admin/flows/${flowId}`);
  expect(flow.botId).toBe(harness.seeded.botId);
});

test('publishing names the bot; it keeps the live flow unless asked, and replacing it is confirmed by name', async () => {
  onTestFailed(() => shot('failure-publish'));
  await page.setViewportSize({ width: 1280, height: 720 });
  const support = await createFlowViaApi(page, harness.seeded.botId, 'Support bot', sampleFlow());
  await publishViaApi(support); // the bot's first flow: live
  expect(await liveFlowOf(harness.seeded.botId)).toBe(support);
  const promo = await openNewFlow(page, harness, { name: 'Spring promo', draft: sampleFlow(), block: 'welcome' });

  await page.getByRole('button', { name: /^Publish/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish this flow' });
  await dialog.getByText('for the bot Acme support').waitFor();
  const makeLive = dialog.getByRole('checkbox', { name: /Make it live for Acme support/ });
  expect(await dialog.locator('.publish-make-live').textContent()).toContain('(replaces "Support bot", live now)');
  expect(await makeLive.isChecked()).toBe(false);
  await expect.poll(focused).toMatchObject({ tag: 'TEXTAREA' });
  await dialog.getByText('"Support bot" stays live').waitFor();
  await shot('02-publish-dialog');
  await page.keyboard.type('Spring texts');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published version 1. "Support bot" stays live for Acme support.').waitFor();
  expect(await liveFlowOf(harness.seeded.botId)).toBe(support);

  await page.getByRole('button', { name: /^Publish/ }).click();
  await makeLive.check();
  await dialog.getByRole('button', { name: 'Publish' }).click();
  const replace = dialog.getByRole('button', { name: 'Replace "Support bot" and go live' });
  await replace.waitFor();
  await dialog.getByText('"Support bot" is live for Acme support now.').waitFor();
  await expect.poll(focused).toEqual({ tag: 'BUTTON', label: 'Replace "Support bot" and go live' });
  await shot('03-publish-confirm');
  await replace.click();
  await page.getByText('Published version 2. It replaces "Support bot" as the live flow of Acme support.').waitFor();
  expect(await liveFlowOf(harness.seeded.botId)).toBe(promo);

  await page.goto(harness.appUrl);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('Show flows of').selectOption({ label: 'All bots' });
  const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
  await expect.poll(() => row('Spring promo').textContent()).toContain('v2 live');
  expect(await row('Support bot').textContent()).toContain('v1 published, not live');
  await shot('04-flows-list');

  // Back to the old flow from the list, without publishing again: confirmed by naming the one it replaces.
  await row('Support bot').getByRole('button', { name: 'Make live' }).click();
  const liveDialog = page.getByRole('dialog', { name: 'Make this flow live' });
  await liveDialog.getByText('instead of "Spring promo", live now').waitFor();
  await expect.poll(focused).toEqual({ tag: 'BUTTON', label: 'Replace "Spring promo" and go live' });
  await shot('04b-make-live');
  await liveDialog.getByRole('button', { name: 'Replace "Spring promo" and go live' }).click();
  await page.getByText('"Support bot" is live for Acme support, instead of "Spring promo".').waitFor();
  await expect.poll(() => row('Support bot').textContent()).toContain('v1 live');
  expect(await row('Spring promo').textContent()).toContain('v2 published, not live');
  expect(await liveFlowOf(harness.seeded.botId)).toBe(support);

  // Rolling back the flow that is no longer live does not take the live place back, and says so.
  await page.getByRole('link', { name: 'Spring promo' }).click();
  await page.getByRole('button', { name: 'Versions' }).click();
  await page.locator('.version', { hasText: 'Version 1' }).getByRole('button', { name: 'View' }).click();
  await page.getByRole('button', { name: 'Roll back to this version' }).click();
  await page
    .getByText(
      "Rolled back: version 1 is published again (as version 3) and is the draft; the bot's live flow did not change.",
    )
    .waitFor();
  expect(await liveFlowOf(harness.seeded.botId)).toBe(support);
  await page.goto(harness.appUrl);

  // A confirmation without a field: focus on its first action (Cancel), so Enter never deletes by surprise.
  await page.getByRole('button', { name: 'Delete Spring promo' }).click();
  const confirm = page.getByRole('dialog');
  await confirm.waitFor();
  await expect.poll(focused).toEqual({ tag: 'BUTTON', label: 'Cancel' });
  expect(await confirm.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('1px');
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
});

/** A flow with the three traps: a Text question saving into `email`, an AI answer after a button, a handoff timeout. */
function trapsFlow() {
  const at = (x: number, y = 0) => ({ x: x * 320, y: y * 200 });
  return testFlow({
    id: 'traps',
    name: 'Traps',
    blocks: [
      buttonMenu('menu', at(1), 'What do you need?', { prices: 'Prices', human: 'A human' }),
      { id: 'ai', type: 'ai_answer', position: at(2), data: { knowledge: 'Plans cost 10 € a month.' } },
      { ...askInput('ask_mail', at(3), 'Your email?', 'email', 'email'), name: 'Ask email' },
      { ...askInput('ask_more', at(4), 'Anything else?', 'text', 'email'), name: 'Ask details' },
      { id: 'handoff', type: 'human_handoff', position: at(2, 1), data: { noAgentTimeoutMinutes: 30 } },
      { id: 'bye', type: 'end', position: at(5), data: { message: 'We will write to {{email}}.' } },
    ],
    exits: {
      start: 'menu',
      menu: { prices: 'ai', human: 'handoff' },
      ai: { answered: 'ask_mail', not_found: 'handoff' },
      ask_mail: 'ask_more',
      ask_more: 'bye',
      handoff: { offline: 'ask_mail' },
    },
  });
}

test('the traps show in Problems with plain explanations; one click saves the second answer into a new variable', async () => {
  onTestFailed(() => shot('failure-traps'));
  await page.setViewportSize({ width: 1280, height: 720 });
  const flowId = await openNewFlow(page, harness, {
    name: 'Traps',
    draft: trapsFlow(),
    block: 'menu',
    botId: salesBotId,
  });
  await page.getByRole('tab', { name: /Problems/ }).click();
  const panel = page.locator('.problem-list');
  await panel.first().waitFor();
  const text = await page.locator('.panel-section').textContent();
  expect(text).toContain(
    '"Ask details" saves a text answer into "email", which "Ask email" already fills with an email address',
  );
  expect(text).toContain('it would answer the button\'s label ("Prices") instead of a question');
  expect(text).toContain('"Human handoff" waits 30 minutes for an agent, but its "No agent replied in time" exit');
  expect(text).toContain('"Handed back to the bot" exit is not connected');
  await shot('05-problems');

  const status = page.getByTestId('save-status');
  await page.getByRole('button', { name: 'Save into a new variable ("answer")' }).click();
  await expect.poll(() => page.locator('.panel-section').textContent()).not.toContain('saves a text answer');
  await status.filter({ hasText: 'All changes saved' }).waitFor();
  const draft = await savedDraft(page, flowId);
  expect(draft.blocks.find((b) => b.id === 'ask_more')!.data).toMatchObject({ saveAs: 'answer', inputType: 'text' });
  expect(draft.blocks.find((b) => b.id === 'ask_mail')!.data).toMatchObject({ saveAs: 'email' });

  await page.getByRole('button', { name: 'Insert an "Ask for input" before it' }).click();
  // The inserted question is selected, so its settings open next; the Problems tab no longer lists the trap.
  await expect
    .poll(() => page.getByLabel('Question', { exact: true }).inputValue())
    .toBe('What would you like to know?');
  // …and the canvas brings it fully into view.
  await expect
    .poll(async () => {
      const block = await page.locator('.react-flow__node.selected').boundingBox();
      const canvas = await page.locator('.canvas').boundingBox();
      if (!block || !canvas) return false;
      const inside = (start: number, size: number, from: number, length: number) =>
        start >= from && start + size <= from + length;
      return (
        inside(block.x, block.width, canvas.x, canvas.width) && inside(block.y, block.height, canvas.y, canvas.height)
      );
    })
    .toBe(true);
  await shot('06-inserted-question-selected');
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect.poll(() => page.locator('.panel-section').textContent()).not.toContain("button's label");
  await page.getByRole('button', { name: 'Connect it to "Ask email"' }).click();
  await expect.poll(() => page.locator('.panel-section').textContent()).not.toContain('No agent replied in time');
  await shot('07-problems-fixed');
  await status.filter({ hasText: 'All changes saved' }).waitFor();
  const fixed = await savedDraft(page, flowId);
  const question = fixed.blocks.find((b) => b.type === 'capture' && b.data.saveAs === 'question');
  expect(question?.data).toMatchObject({ inputType: 'text', prompt: 'What would you like to know?' });
});
