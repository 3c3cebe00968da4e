import { textMessage } from '@flowdesk/flow-schema';
import { expect, onTestFailed, test } from 'vitest';
import { sampleFlow, testFlow } from '../src/editor/model/test-flow';
import { adminApi, savedDraft } from './support/admin-api';
import { createFlowViaApi, openNewFlow } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { allChangesSaved, dragBlock, node } from './support/canvas';
import { setupDashboard } from './support/dashboard';
import { botSays } from './support/preview';

const { harness, page } = setupDashboard({ signedIn: true });

/** A failing test leaves a full-page screenshot, `builder-failure-<name>.png`. */
const screenshotOnFailure = (name: string) =>
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-${name}.png`, fullPage: true });
  });

const addKnowledgeSource = (source: Record<string, unknown>) =>
  adminApi<{ id: string }>(page, 'POST', '/api/admin/knowledge', source);

test('an AI answer block answers from the knowledge sources the admin ticks; the draft keeps their ids', async () => {
  screenshotOnFailure('knowledge-sources');
  const faq = await addKnowledgeSource({
    kind: 'qa',
    title: 'Shipping FAQ',
    pairs: [{ question: 'How long does shipping take?', answer: 'Three working days.' }],
  });
  const policy = await addKnowledgeSource({
    kind: 'text',
    title: 'Refund policy <b>2026</b>',
    text: 'Refunds reach the card within five business days.',
  });
  const flowId = await openNewFlow(page, harness, { name: 'Knowledge', draft: sampleFlow(), block: 'menu' });
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

  await allChangesSaved(page);
  await expect
    .poll(async () => (await savedDraft(page, flowId)).blocks.find((b) => b.id === block)?.data.knowledgeSourceIds)
    .toEqual([policy.id]);
  expect(faq.id).not.toBe(policy.id);
});

test('the preview answers from the chosen sources, names them and shows the passages it was given', async () => {
  screenshotOnFailure('knowledge-preview');
  const page2 = await addKnowledgeSource({
    kind: 'text',
    title: 'Returns',
    url: 'https://help.shop.example/returns',
    text: '# Returns\n- Refunds are paid back to the original card within 5 business days.',
  });
  await expect
    .poll(async () => (await adminApi<{ status: string }>(page, 'GET', `/api/admin/knowledge/${page2.id}`)).status)
    .toBe('ready');
  const flowId = await createFlowViaApi(
    page,
    harness.seeded.botId,
    'Knowledge preview',
    testFlow({
      id: 'knowledge-preview',
      name: 'Knowledge preview',
      blocks: [
        { id: 'ask', type: 'capture', position: { x: 260, y: 0 }, data: { prompt: 'Your question?', saveAs: 'q' } },
        { id: 'answer', type: 'ai_answer', position: { x: 520, y: 0 }, data: { knowledgeSourceIds: [page2.id] } },
        textMessage('unknown', { x: 780, y: 140 }, 'No idea.'),
      ],
      exits: { start: 'ask', ask: 'answer', answer: { answered: 'ask', not_found: 'unknown' } },
    }),
  );
  await page.goto(`${harness.appUrl}flows/${flowId}`);
  await node(page, 'answer').waitFor();
  await page.getByRole('tab', { name: 'Preview' }).click();
  await botSays(page, 'Your question?').waitFor();
  await page.getByLabel('Message to the bot').fill('How long do refunds take?');
  await page.getByLabel('Send').click();
  const answer = botSays(page, 'Refunds are paid back');
  await answer.waitFor();
  expect(await answer.getByRole('link', { name: 'Returns' }).getAttribute('href')).toBe(
    'https://help.shop.example/returns',
  );
  const passages = page.getByRole('list', { name: 'Knowledge passages used' });
  expect(await passages.textContent()).toContain('Refunds are paid back to the original card within 5 business days.');
  expect(await passages.textContent()).not.toContain('#');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-ai-knowledge-preview.png` });
});
