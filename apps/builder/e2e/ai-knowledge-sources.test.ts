import type { Page } from 'playwright-core';
import { beforeAll, expect, onTestFailed, test } from 'vitest';
import { sampleFlow } from '../src/editor/model/test-flow';
import { adminApi, savedDraft } from './support/admin-api';
import { createFlowViaApi } from './support/api';
import { login, SCREENSHOTS } from './support/browser';
import { dragBlock, node } from './support/canvas';
import { setupDashboard } from './support/dashboard';
import type { Harness } from './support/harness';

const dashboard = setupDashboard();
let harness: Harness;
let page: Page;

beforeAll(async () => {
  ({ harness, page } = dashboard);
  await login(page, harness.appUrl, harness.seeded.admin.email, harness.seeded.admin.password);
  await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
});

test('an AI answer block answers from the knowledge sources the admin ticks; the draft keeps their ids', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-knowledge-sources.png`, fullPage: true });
  });
  const faq = await adminApi<{ id: string }>(page, 'POST', '/api/admin/knowledge', {
    kind: 'qa',
    title: 'Shipping FAQ',
    pairs: [{ question: 'How long does shipping take?', answer: 'Three working days.' }],
  });
  const policy = await adminApi<{ id: string }>(page, 'POST', '/api/admin/knowledge', {
    kind: 'text',
    title: 'Refund policy <b>2026</b>',
    text: 'Refunds reach the card within five business days.',
  });
  const flowId = await createFlowViaApi(page, harness.seeded.botId, 'Knowledge', sampleFlow());
  await page.goto(`${harness.appUrl}flows/${flowId}`);
  await node(page, 'menu').waitFor();
  const block = await dragBlock(page, 'ai_answer');
  await node(page, block).click();
  const sources = page.locator('.inspector').getByRole('group', { name: 'Knowledge sources' });
  await sources.getByLabel(/Shipping FAQ/).waitFor();
  // A title is text: its markup made no element.
  expect(await sources.locator('b').count()).toBe(0);
  await sources.getByLabel(/Refund policy <b>2026<\/b>/).check();
  await sources.getByLabel(/Shipping FAQ/).check();
  await sources.getByLabel(/Shipping FAQ/).uncheck();
  await expect.poll(() => node(page, block).textContent()).toContain('Knowledge: 0 words + 1 source');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-ai-knowledge-sources.png` });

  await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
  await expect
    .poll(async () => (await savedDraft(page, flowId)).blocks.find((b) => b.id === block)?.data.knowledgeSourceIds)
    .toEqual([policy.id]);
  expect(faq.id).not.toBe(policy.id);
});
