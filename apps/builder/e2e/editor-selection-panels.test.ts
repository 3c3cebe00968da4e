import { askInput, type FlowDocument, numberedEdges, textMessage } from '@flowdesk/flow-schema';
import { expect, test } from 'vitest';
import { sampleFlowWith } from '../src/editor/model/test-flow';
import { openNewFlow } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { blockCount, edgeCount, node, showAllBlocks } from './support/canvas';
import { setupDashboard } from './support/dashboard';
import { botReplies, botSays } from './support/preview';

const { harness, page } = setupDashboard({ signedIn: true, failureShots: 'builder' });

/** The sample flow plus an email question (start → welcome → ask_email → thanks → menu) and a match block. */
function flowWithPanels(extraBlocks: unknown[] = []) {
  return sampleFlowWith({
    blocks: [
      askInput('ask_email', { x: 300, y: 220 }, 'What is your email?', 'email', 'email'),
      textMessage('thanks', { x: 600, y: 220 }, 'Thanks, we will write to {{email}}.'),
      { id: 'match', type: 'match_intent', position: { x: 600, y: 440 }, data: { intentIds: ['talk_to_human'] } },
      ...extraBlocks,
    ],
    edges: numberedEdges(
      [
        ['welcome', 'next', 'ask_email'],
        ['ask_email', 'next', 'thanks'],
        ['thanks', 'next', 'menu'],
        ['match', 'talk_to_human', 'handoff'],
      ],
      6,
    ),
    replacing: 'e2',
  });
}

async function open(doc: FlowDocument) {
  const id = await openNewFlow(page, harness, { name: doc.name, draft: doc, block: 'menu' });
  return id;
}

const selected = async (id: string) => (await node(page, id).getAttribute('class'))?.includes('selected') ?? false;
const position = async (id: string) => {
  const box = (await node(page, id).boundingBox())!;
  return { x: box.x, y: box.y };
};

test('shift-click selects two blocks; dragging one moves both; Delete removes both; Ctrl+Z restores them', async () => {
  await open(flowWithPanels());
  await node(page, 'ask_email').click();
  await node(page, 'thanks').click({ modifiers: ['Shift'] });
  await expect.poll(() => selected('ask_email')).toBe(true);
  await expect.poll(() => selected('thanks')).toBe(true);

  const before = { a: await position('ask_email'), b: await position('thanks') };
  const grip = before.a;
  await page.mouse.move(grip.x + 60, grip.y + 12);
  await page.mouse.down();
  await page.mouse.move(grip.x + 60, grip.y + 132, { steps: 8 });
  await page.mouse.up();
  const after = { a: await position('ask_email'), b: await position('thanks') };
  expect(after.a.y - before.a.y).toBeGreaterThan(60);
  expect(after.b.y - before.b.y).toBeCloseTo(after.a.y - before.a.y, 0);
  expect(after.b.x - before.b.x).toBeCloseTo(after.a.x - before.a.x, 0);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-multi-select-dragged.png` });

  const blocks = await blockCount(page);
  await page.keyboard.press('Delete');
  await expect.poll(() => blockCount(page)).toBe(blocks - 2);
  expect(await node(page, 'ask_email').count()).toBe(0);
  expect(await node(page, 'thanks').count()).toBe(0);

  await page.keyboard.press('Control+z');
  await expect.poll(() => blockCount(page)).toBe(blocks);
  await node(page, 'ask_email').waitFor();
  await node(page, 'thanks').waitFor();
  await expect
    .poll(() => page.locator('.react-flow__edge[aria-label="Edge from ask_email to thanks"]').count())
    .toBe(1);
});

test('a box selection (Shift+drag on the canvas) selects the blocks inside it', async () => {
  await open(flowWithPanels());
  const a = (await node(page, 'ask_email').boundingBox())!;
  const b = (await node(page, 'thanks').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 12, a.y - 12);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width + 12, Math.max(a.y + a.height, b.y + b.height) + 12, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect.poll(() => selected('ask_email')).toBe(true);
  await expect.poll(() => selected('thanks')).toBe(true);
  expect(await selected('menu')).toBe(false);
});

test('Publish is blocked while the flow has errors: an alert explains and the button is disabled', async () => {
  await open(
    flowWithPanels([
      { id: 'broken', type: 'match_intent', position: { x: 900, y: 440 }, data: { intentIds: ['gone'] } },
    ]),
  );
  // The editor opens at a readable zoom, so a block far to the right starts off screen.
  await showAllBlocks(page);
  await node(page, 'broken').locator('.node-badge-error').waitFor();
  await page.getByRole('button', { name: /^Publish/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('alert')
    .filter({ hasText: /Fix the 1 error/ })
    .waitFor();
  await expect(dialog.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-publish-blocked.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const versions = await harness.runtime.db.selectFrom('flow_versions').select('id').execute();
  expect(versions).toEqual([]);
});

test('deleting an intent used by a match block warns first, then the block loses that output', async () => {
  await open(flowWithPanels());
  await expect(node(page, 'match').locator('.block-output').allTextContents()).resolves.toEqual([
    'Talk to a human',
    'No match',
  ]);
  const edges = await edgeCount(page);
  await page.getByRole('tab', { name: /Intents/ }).click();
  const intent = page.locator('details.intent', { hasText: 'Talk to a human' });
  await intent.locator('summary').click();
  await intent.getByRole('button', { name: 'Delete' }).click();
  await intent.getByRole('alert').filter({ hasText: '1 block uses this intent' }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/builder-intent-delete-warning.png` });
  await intent.getByRole('button', { name: 'Delete intent' }).click();
  await expect.poll(() => node(page, 'match').locator('.block-output').allTextContents()).toEqual(['No match']);
  await expect.poll(() => edgeCount(page)).toBe(edges - 1);
  await expect(page.getByText('No intents yet.').isVisible()).resolves.toBe(true);
});

test('a new intent added after deleting one is not named like an intent still there', async () => {
  await open(flowWithPanels()); // one intent: "Talk to a human"
  await page.getByRole('tab', { name: /^Intents/ }).click();
  const newIntent = page.getByRole('button', { name: 'New intent', exact: true });
  await newIntent.click();
  await newIntent.click();
  const intent = (name: string) => page.locator('details.intent', { has: page.getByText(name, { exact: true }) });
  await intent('New intent 3').waitFor();
  await intent('New intent 2').getByRole('button', { name: 'Delete' }).click();
  await intent('New intent 2').getByRole('button', { name: 'Delete intent' }).click();
  await intent('New intent 2').waitFor({ state: 'detached' });
  await newIntent.click();
  await expect
    .poll(() => page.locator('details.intent summary .grow').allTextContents())
    .toEqual(['Talk to a human', 'New intent 3', 'New intent 4']);
});

test('the Variables panel shows where each variable is set and used; a click selects that block', async () => {
  await open(flowWithPanels());
  await page.getByRole('tab', { name: 'Variables' }).click();
  const row = page.locator('.variables-table tr', { has: page.locator('code', { hasText: /^email$/ }) });
  await expect(row.locator('td').nth(1).textContent()).resolves.toContain('Ask for input');
  await expect(row.locator('td').nth(2).textContent()).resolves.toContain('Send message');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-variables-panel.png` });

  await row.locator('td').nth(1).getByRole('button', { name: 'Ask for input' }).click();
  await expect.poll(() => selected('ask_email')).toBe(true);
  await expect(page.getByRole('tab', { name: 'Block' }).getAttribute('aria-selected')).resolves.toBe('true');

  await page.getByRole('tab', { name: 'Variables' }).click();
  await row.locator('td').nth(2).getByRole('button', { name: 'Send message' }).click();
  await expect.poll(() => selected('thanks')).toBe(true);
  expect(await selected('ask_email')).toBe(false);
});

test('declaring a variable the flow cannot hold, or one it has, says why; a good name is declared', async () => {
  await open(flowWithPanels());
  await page.getByRole('tab', { name: 'Variables' }).click();
  const field = page.getByLabel('New variable name');
  const declare = page.getByRole('button', { name: 'Declare' });
  const why = page.getByRole('alert').filter({ hasText: /./ });
  const declared = () => page.getByRole('button', { name: /^Remove variable / }).count();
  for (const [name, reason] of [
    ['order number', 'no spaces'],
    ['a'.repeat(65), 'Use up to 64 letters'],
    ['last_message', 'built in'],
  ] as const) {
    await field.fill(name);
    await declare.click();
    await expect.poll(() => why.textContent()).toContain(reason);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
  }
  expect(await declared()).toBe(0);
  await field.fill('order_number');
  await declare.click();
  await expect.poll(declared).toBe(1);
  await field.fill('order_number');
  await declare.click();
  await expect.poll(() => why.textContent()).toContain('declared already');
});

test('the preview shows a captured variable as soon as the visitor answers', async () => {
  await open(flowWithPanels());
  await page.getByRole('tab', { name: 'Preview' }).click();
  await botSays(page, 'What is your email?').waitFor();
  expect(await page.locator('.preview-vars dt', { hasText: /^email$/ }).count()).toBe(0);
  await botReplies(page, 'grace@example.com', 'Thanks, we will write to grace@example.com.');
  const variable = page.locator('.preview-vars div', { has: page.locator('dt', { hasText: /^email$/ }) });
  await expect(variable.locator('dd').textContent()).resolves.toBe('grace@example.com');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-preview-variable.png` });
});

test('switching the Analytics mode on and off keeps the draft being edited: an unsaved edit, its undo step', async () => {
  await open(flowWithPanels());
  await node(page, 'welcome').click();
  await page.locator('.inspector').getByLabel('Text', { exact: true }).fill('Edited just before the figures');
  const analytics = page.getByRole('button', { name: 'Analytics', exact: true });
  // At once, before the autosave: the editor used to be mounted anew, from the draft the page was opened with.
  await analytics.click();
  await expect.poll(() => analytics.getAttribute('aria-pressed')).toBe('true');
  const summary = node(page, 'welcome').locator('.summary-main');
  expect(await summary.textContent()).toBe('Edited just before the figures');
  await analytics.click();
  await expect.poll(() => analytics.getAttribute('aria-pressed')).toBe('false');
  expect(await summary.textContent()).toBe('Edited just before the figures');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => summary.textContent()).toBe('Hi {{name}}!');
});
