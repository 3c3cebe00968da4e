import { beforeEach, expect, test } from 'vitest';
import { holdRequests } from '../../widget/e2e/hold-requests';
import { newFlowDocument } from '../src/editor/model/new-flow';
import { sampleFlow } from '../src/editor/model/test-flow';
import { adminApi } from './support/admin-api';
import { openNewFlow } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { allChangesSaved, blockCount, node, nodeIds, showAllBlocks } from './support/canvas';
import { setupDashboard } from './support/dashboard';
import { botSays, pickChoice } from './support/preview';

const { harness, page, consoleErrors } = setupDashboard({ signedIn: true, failureShots: 'builder' });

beforeEach(async () => {
  await openNewFlow(page, harness, { name: 'Sample', draft: sampleFlow(), block: 'menu' });
  await showAllBlocks(page);
});

const inspector = () => page.locator('.inspector');

test('editing a block updates the canvas; Ctrl+Z and Ctrl+Shift+Z undo and redo it', async () => {
  await node(page, 'welcome').click();
  const text = inspector().getByLabel('Text', { exact: true });
  await text.fill('Hello there');
  await expect(node(page, 'welcome').locator('.summary-main').textContent()).resolves.toBe('Hello there');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(node(page, 'welcome').locator('.summary-main').textContent()).resolves.toBe('Hi {{name}}!');
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'welcome').locator('.summary-main').textContent()).resolves.toBe('Hello there');
});

test('copy, paste, delete with the keyboard, and undo of a drag', async () => {
  await node(page, 'menu').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect.poll(() => blockCount(page)).toBe(6);
  const pasted = (await nodeIds(page)).find((id) => !['start', 'welcome', 'menu', 'handoff', 'bye'].includes(id))!;
  await expect(node(page, pasted).locator('.block-output').allTextContents()).resolves.toEqual([
    'Pricing',
    'Human',
    'No match',
  ]);
  await page.keyboard.press('Delete');
  await expect.poll(() => blockCount(page)).toBe(5);

  const before = await node(page, 'bye').boundingBox();
  await page.mouse.move(before!.x + 60, before!.y + 12);
  await page.mouse.down();
  await page.mouse.move(before!.x + 60, before!.y + 140, { steps: 6 });
  await page.mouse.up();
  const moved = await node(page, 'bye').boundingBox();
  expect(moved!.y).toBeGreaterThan(before!.y + 50);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await node(page, 'bye').boundingBox())!.y).toBeCloseTo(before!.y, 0);
  await allChangesSaved(page);
});

test('blocks copied in one flow are pasted where the admin is looking in another', async () => {
  await node(page, 'bye').click();
  await page.keyboard.press('Control+c');
  await openNewFlow(page, harness, { name: 'Other', draft: newFlowDocument('Other'), block: 'start' });
  await page.keyboard.press('Control+v');
  await expect.poll(() => blockCount(page)).toBe(2);
  const pasted = page.locator('.react-flow__node.selected');
  const box = (await pasted.boundingBox())!;
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(pane.x);
  expect(box.y).toBeGreaterThanOrEqual(pane.y);
  expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
  expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
});

test('blocks can be added with the keyboard alone: next to the selected block and connected', async () => {
  await node(page, 'bye').click();
  await page.keyboard.press('Delete'); // free the handoff's offline output
  await node(page, 'handoff').click();
  const item = page.locator('.palette-item[data-block-type="capture"]');
  await item.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => blockCount(page)).toBe(5);
  const added = (await nodeIds(page)).find((id) => id.startsWith('capture'))!;
  await expect(node(page, added).getAttribute('class')).resolves.toContain('selected');
  // React Flow draws an edge once both of its blocks are measured, a frame or more after the block appears.
  await expect
    .poll(() => page.locator(`.react-flow__edge[aria-label="Edge from handoff to ${added}"]`).count())
    .toBe(1);
  await expect(inspector().getByRole('heading', { name: 'Ask for input' }).isVisible()).resolves.toBe(true);
});

test('the preview chats with the draft, highlights the active block and shows the handoff without alerting', async () => {
  await page.getByRole('tab', { name: 'Preview' }).click();
  await botSays(page, 'Hi !').waitFor();
  await expect(node(page, 'menu').locator('.block-node').getAttribute('class')).resolves.toContain('active');
  await pickChoice(page, 'Human');
  await page.locator('.from-note', { hasText: 'no one was alerted' }).waitFor();
  await expect(node(page, 'handoff').locator('.block-node').getAttribute('class')).resolves.toContain('active');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-06-preview-handoff.png` });

  await page.getByRole('checkbox', { name: 'Agents available' }).uncheck();
  await page.getByRole('button', { name: 'Restart' }).click();
  await pickChoice(page, 'Human');
  await page.locator('.from-note', { hasText: 'Offline' }).waitFor();
  await page.locator('.from-status', { hasText: 'The conversation ended.' }).waitFor();
});

test('the preview handoff shows the runtime’s AI summary, the priority, the team and who would be emailed', async () => {
  const { users } = await adminApi<{ users: { id: string }[] }>(page, 'GET', '/api/admin/users');
  await adminApi(page, 'POST', '/api/admin/users', {
    email: 'bob@example.com',
    name: 'Bob Agent',
    password: 'correct-horse-43',
    role: 'agent',
  });
  await adminApi(page, 'POST', '/api/admin/teams', { name: 'Support', memberIds: [users[0]!.id] });
  // The people list arrives only after the handoff (a slow network): the note must still name them.
  const releasePeople = await holdRequests(page, '**/api/admin/users', 'GET');
  await page.reload(); // the editor reads teams when it opens
  await node(page, 'menu').waitFor();
  await showAllBlocks(page);
  await node(page, 'handoff').click();
  await inspector().getByLabel('Team', { exact: true }).selectOption({ label: 'Support' });
  await inspector().getByLabel('Priority', { exact: true }).selectOption('high');

  await page.getByRole('tab', { name: 'Preview' }).click();
  const summaryCall = page.waitForResponse((r) => r.url().endsWith('/api/admin/ai/preview-summary'));
  await pickChoice(page, 'Human');
  const answer = await summaryCall;
  releasePeople();
  expect(answer.status()).toBe(200);
  expect(JSON.parse(answer.request().postData() ?? '{}')).toMatchObject({
    transcript: expect.arrayContaining([{ author: 'visitor', text: 'Human' }]),
    priorityMode: 'fixed',
  });
  const fromRuntime = (await answer.json()) as { summary: string; priority: unknown; provider: string };
  expect(fromRuntime).toMatchObject({ provider: 'offline', priority: null });
  // Pressing “Human” alone says no more than that (the runtime's summarizer reads it so).
  expect(fromRuntime.summary).toContain('asked for a person');
  const handoff = page.locator('.preview-handoff');
  await handoff.waitFor();
  await expect(handoff.locator('dt').allTextContents()).resolves.toEqual([
    'Summary',
    'Priority',
    'Team',
    'Would email',
  ]);
  // The summary shown is the one the runtime wrote (not the browser's rough “The visitor wrote: …”).
  const shown = handoff.locator('.preview-handoff-ai-summary');
  await expect.poll(() => shown.textContent()).toBe(fromRuntime.summary);
  await expect(handoff.locator('.preview-handoff-source').textContent()).resolves.toContain('offline summarizer');
  await expect(handoff.locator('.preview-handoff-priority').textContent()).resolves.toBe('High');
  await expect(handoff.locator('.preview-handoff-team').textContent()).resolves.toBe('Support');
  const recipients = await handoff.locator('.preview-handoff-recipients').textContent();
  expect(recipients).toContain(harness.seeded.admin.email);
  expect(recipients).not.toContain('bob@example.com');
  await page.unroute('**/api/admin/users');
  await page.locator('.from-note', { hasText: 'no one was alerted' }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/builder-preview-handoff-details.png` });

  // Any team (no default team): everyone in the workspace would be emailed.
  await node(page, 'handoff').click();
  await page.getByRole('tab', { name: 'Block' }).click();
  await inspector().getByLabel('Team', { exact: true }).selectOption({ label: 'Any team (all agents)' });
  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Restart' }).click();
  await pickChoice(page, 'Human');
  await expect
    .poll(() => page.locator('.preview-handoff-recipients').textContent())
    .toContain(`${harness.seeded.admin.email}, bob@example.com`);
  // The preview alerts no one: no conversation exists for the runtime to notify about.
  const conversations = await harness.runtime.db.selectFrom('conversations').select('id').execute();
  expect(conversations).toEqual([]);
});

test('the preview handoff says “Writing summary…”, shows the AI priority, and falls back when the AI fails', async () => {
  await node(page, 'handoff').click();
  await inspector().getByLabel('Priority', { exact: true }).selectOption('auto');
  await page.getByRole('tab', { name: 'Preview' }).click();
  // Hold the runtime's answer back a moment to see the loading state.
  const release = await holdRequests(page, '**/api/admin/ai/preview-summary');
  await page.getByRole('button', { name: 'Restart' }).click();
  await pickChoice(page, 'Human');
  const summary = page.locator('.preview-handoff-summary');
  await expect.poll(() => summary.textContent()).toBe('Writing summary…');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-preview-handoff-writing.png` });
  const summaryCall = page.waitForResponse((r) => r.url().endsWith('/api/admin/ai/preview-summary'));
  release();
  const fromRuntime = (await (await summaryCall).json()) as {
    summary: string;
    priority: { priority: string; reason: string };
  };
  expect(fromRuntime.priority.reason).toEqual(expect.any(String));
  await expect.poll(() => page.locator('.preview-handoff-ai-summary').textContent()).toBe(fromRuntime.summary);
  const label = fromRuntime.priority.priority.charAt(0).toUpperCase() + fromRuntime.priority.priority.slice(1);
  await expect(page.locator('.preview-handoff-priority').textContent()).resolves.toBe(
    `${label} — ${fromRuntime.priority.reason}`,
  );
  await page.screenshot({ path: `${SCREENSHOTS}/builder-preview-handoff-ai-priority.png` });
  await page.unroute('**/api/admin/ai/preview-summary');

  // The runtime refuses (e.g. too many summaries): the browser's rough summary, with a note.
  await page.route('**/api/admin/ai/preview-summary', (route) =>
    route.fulfill({
      status: 429,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many preview summaries', details: null } }),
    }),
  );
  await page.getByRole('button', { name: 'Restart' }).click();
  await pickChoice(page, 'Human');
  await expect.poll(() => summary.textContent()).toContain('The visitor wrote: “Human”');
  await expect(page.locator('.preview-handoff-fallback').textContent()).resolves.toContain(
    'Too many preview summaries',
  );
  await expect(page.locator('.preview-handoff-priority').textContent()).resolves.toBe(
    'Set by the AI from the conversation',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/builder-preview-handoff-fallback.png` });
  await page.unroute('**/api/admin/ai/preview-summary');
  // The browser logs the refused request; that 429 was this test's own doing.
  const refused = consoleErrors.filter((e) => e.includes('429 POST') && e.includes('/api/admin/ai/preview-summary'));
  expect(refused).toHaveLength(1);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !refused.includes(e)));
});

test('publish, view an older version read-only and roll back to it', async () => {
  const publish = async (note: string) => {
    await allChangesSaved(page);
    await page.getByRole('button', { name: /^Publish/ }).click();
    await page.getByLabel(/What changed/).fill(note);
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  };
  await publish('v1');
  await node(page, 'welcome').click();
  await inspector().getByLabel('Text', { exact: true }).fill('Second version text');
  await publish('v2');

  await page.getByRole('button', { name: 'Versions' }).click();
  const v1 = page.locator('.version', { hasText: 'Version 1' });
  await v1.getByRole('button', { name: 'View' }).click();
  await page.locator('.viewing-banner', { hasText: 'Viewing version 1' }).waitFor();
  await expect(node(page, 'welcome').locator('.summary-main').textContent()).resolves.toBe('Hi {{name}}!');
  await expect(page.locator('.palette-item').count()).resolves.toBe(0);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-07-version-view.png` });

  await page.getByRole('button', { name: 'Roll back to this version' }).click();
  await page.getByText(/Rolled back: version 1 is live again/).waitFor();
  await expect(node(page, 'welcome').locator('.summary-main').textContent()).resolves.toBe('Hi {{name}}!');
  const versions = await harness.runtime.db
    .selectFrom('flow_versions')
    .select(['number', 'note'])
    .orderBy('number')
    .execute();
  expect(versions.map((v) => v.number).slice(-3)).toEqual([1, 2, 3]);
});

test('renaming the flow in the toolbar renames it in the flows list', async () => {
  await page.getByLabel('Flow name').fill('Billing questions');
  await allChangesSaved(page);
  await page.getByRole('link', { name: 'Back to flows' }).click();
  await page.getByRole('link', { name: 'Billing questions' }).waitFor();
});

test('export downloads the flow as JSON; importing a broken file explains why', async () => {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('sample.flow.json');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON' }).click();
  await (await chooser).setFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"blocks": 3}'),
  });
  await page.getByText(/This file is not a valid flow/).waitFor();
  expect(consoleErrors).toEqual([]);
});
