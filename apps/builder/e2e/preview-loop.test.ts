import { LOOP_STOPPED_LINE } from '@flowdesk/engine';
import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { expect, test } from 'vitest';
import { createFlowViaApi } from './support/api';
import { login, SCREENSHOTS } from './support/browser';
import { node } from './support/canvas';
import { setupDashboard } from './support/dashboard';

const at = (x: number) => ({ x, y: 0 });

/** Issue 18: handoff → offline → message → back to the handoff sent 100 messages per step. */
const offlineLoop: FlowDocumentInput = {
  schemaVersion: 1,
  id: 'offline-loop',
  name: 'Offline loop',
  blocks: [
    { id: 'start', type: 'start', position: at(0), data: {} },
    { id: 'handoff', type: 'human_handoff', position: at(250), data: {} },
    { id: 'retry', type: 'message', position: at(500), data: { content: { type: 'text', text: 'Trying again…' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'handoff' },
    { id: 'e2', source: 'handoff', sourceHandle: 'offline', target: 'retry' },
    { id: 'e3', source: 'retry', sourceHandle: 'next', target: 'handoff' },
  ],
};

const dashboard = setupDashboard();

test('a draft looping through an offline handoff: the check names the loop, the preview stops at ten messages', async () => {
  const { harness, page } = dashboard;
  await login(page, harness.appUrl, harness.seeded.admin.email, harness.seeded.admin.password);
  await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
  const id = await createFlowViaApi(page, harness.seeded.botId, 'Offline loop', offlineLoop);
  await page.goto(`${harness.appUrl}flows/${id}`);
  await node(page, 'handoff').waitFor();
  await page.getByRole('tab', { name: /Problems/ }).click();
  await page.locator('.problem-error', { hasText: 'loop that never waits' }).waitFor();

  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByLabel('Agents available').uncheck();
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.locator('.preview-entry.from-bot', { hasText: LOOP_STOPPED_LINE }).waitFor();
  const said = await page.locator('.preview-entry.from-bot').allTextContents();
  expect(said.length).toBeLessThanOrEqual(10);
  expect(said.at(-1)).toContain(LOOP_STOPPED_LINE);
  await page.screenshot({ path: `${SCREENSHOTS}/builder-preview-loop-stopped.png` });
});
