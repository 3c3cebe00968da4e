import { type BlockType, blockDefinitions, FlowDocument, type FlowDocumentInput } from '@flowdesk/flow-schema';
import { expect, onTestFailed, test } from 'vitest';
import { testFlow } from '../src/editor/model/test-flow';
import { adminApi, savedDraft } from './support/admin-api';
import { openNewFlow } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { allChangesSaved, node, showAllBlocks } from './support/canvas';
import { setupDashboard } from './support/dashboard';

const { harness, page } = setupDashboard({ signedIn: true });

const FORMS: [string, BlockType][] = [
  ['cond', 'condition'],
  ['http', 'http_request'],
  ['answer', 'ai_answer'],
  ['mail', 'send_email'],
  ['setvar', 'set_variable'],
  ['handoff', 'human_handoff'],
];

/** One block of each form, with the block type's defaults, in two rows next to the start block. */
function formsFlow() {
  return FlowDocument.parse(
    testFlow({
      id: 'forms',
      name: 'Forms',
      blocks: FORMS.map(
        ([id, type], index) =>
          ({
            id,
            type,
            position: { x: 320 * (index % 3), y: 260 * (1 + Math.floor(index / 3)) },
            data: blockDefinitions[type].defaults(),
          }) as FlowDocumentInput['blocks'][number],
      ),
      intents: [],
    }),
  );
}

const inspector = () => page.locator('.inspector');
const summary = (id: string) => node(page, id).locator('.block-summary').textContent();

test('each inspector form edits its block: the canvas summary and the saved draft follow', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-inspector-forms.png` });
  });
  const { users } = await adminApi<{ users: { id: string; email: string }[] }>(page, 'GET', '/api/admin/users');
  const { team } = await adminApi<{ team: { id: string } }>(page, 'POST', '/api/admin/teams', {
    name: 'Billing',
    memberIds: [users[0]!.id],
  });
  const flowId = await openNewFlow(page, harness, { name: 'Forms', draft: formsFlow(), block: 'handoff' });
  // The third column opens partly behind the side panel at the readable zoom; a click there can miss the block.
  await showAllBlocks(page);

  // Condition: (email is not empty AND last_message contains "invoice") OR (last_message contains "refund").
  await node(page, 'cond').click();
  await inspector().getByRole('button', { name: 'Add rule' }).click();
  await inspector().getByRole('button', { name: 'Add group' }).click();
  await inspector().getByLabel('Value', { exact: true }).nth(0).fill('invoice');
  await inspector().getByLabel('Value', { exact: true }).nth(1).fill('refund');
  await inspector().getByLabel('Groups must match').selectOption('or');
  await expect
    .poll(() => summary('cond'))
    .toBe('If (email is not empty AND last_message contains “invoice”) OR (last_message contains “refund”)');
  await inspector().getByLabel('Rules must match').selectOption('or');
  await expect.poll(() => summary('cond')).toContain('(email is not empty OR last_message contains “invoice”) OR');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-form-condition.png` });

  // HTTP request: method, URL, body and a response mapping.
  await node(page, 'http').click();
  await inspector().getByLabel('Method').selectOption('POST');
  await inspector().getByLabel('URL', { exact: true }).fill('https://api.example.com/orders');
  await inspector().getByLabel('Body (JSON)', { exact: true }).fill('{"email": "{{email}}"}');
  await inspector().getByRole('button', { name: 'Add mapping' }).click();
  await inspector().getByLabel('Path in the answer').fill('order.status');
  await inspector().getByLabel('Variable', { exact: true }).fill('order_status');
  await expect.poll(() => summary('http')).toContain('POST https://api.example.com/orders');

  // AI answer: instructions, knowledge, where the answer is saved.
  await node(page, 'answer').click();
  await inspector().getByLabel('Instructions', { exact: true }).fill('Answer from the price list');
  await inspector()
    .getByLabel(/Knowledge/)
    .fill('Plans start at 19 dollars a month.');
  await inspector().getByLabel('Save the answer in').fill('price_answer');
  await expect.poll(() => summary('answer')).toBe('Answer from the price listKnowledge: 7 words');

  // Send email: recipient, subject, text.
  await node(page, 'mail').click();
  await inspector().getByLabel('To', { exact: true }).fill('sales@example.com');
  await inspector().getByLabel('Subject', { exact: true }).fill('New lead');
  await inspector().getByLabel('Text', { exact: true }).fill('Write back to {{email}}');
  await expect.poll(() => summary('mail')).toBe('To sales@example.comNew lead');

  // Set variable.
  await node(page, 'setvar').click();
  await inspector().getByLabel('Variable', { exact: true }).fill('plan');
  await inspector().getByLabel('Value', { exact: true }).fill('pro');
  await expect.poll(() => summary('setvar')).toBe('{{plan}} = pro');

  // Human handoff: priority, team, confirmation, offline settings.
  await node(page, 'handoff').click();
  await inspector().getByLabel('Priority', { exact: true }).selectOption('urgent');
  await inspector().getByLabel('Team', { exact: true }).selectOption({ label: 'Billing' });
  await inspector().getByLabel('Message to the visitor', { exact: true }).fill('Our billing team will reply.');
  await inspector().getByLabel('Treat as offline').selectOption('outside_hours');
  await inspector().getByLabel('Offline message', { exact: true }).fill('Billing is closed, back at 9.');
  await inspector()
    .getByLabel(/Minutes without an agent reply/)
    .fill('15');
  await expect.poll(() => summary('handoff')).toBe('Priority: UrgentTeam: Billing');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-form-handoff.png` });

  await allChangesSaved(page);
  const draft = await savedDraft(page, flowId);
  const data = (id: string) => draft.blocks.find((b) => b.id === id)!.data;
  expect(data('cond')).toMatchObject({
    combinator: 'or',
    groups: [
      {
        combinator: 'or',
        rules: [
          { variable: 'email', operator: 'is_not_empty' },
          { variable: 'last_message', operator: 'contains', value: 'invoice' },
        ],
      },
      { rules: [{ variable: 'last_message', operator: 'contains', value: 'refund' }] },
    ],
  });
  expect(data('http')).toMatchObject({
    method: 'POST',
    url: 'https://api.example.com/orders',
    body: '{"email": "{{email}}"}',
    responseMapping: [{ path: 'order.status', variable: 'order_status' }],
  });
  expect(data('answer')).toMatchObject({
    instructions: 'Answer from the price list',
    knowledge: 'Plans start at 19 dollars a month.',
    saveAs: 'price_answer',
  });
  expect(data('mail')).toMatchObject({ to: 'sales@example.com', subject: 'New lead', body: 'Write back to {{email}}' });
  expect(data('setvar')).toMatchObject({ variable: 'plan', value: 'pro' });
  expect(data('handoff')).toMatchObject({
    priority: { mode: 'fixed', value: 'urgent' },
    teamId: team.id,
    confirmationMessage: 'Our billing team will reply.',
    offlineWhen: 'outside_hours',
    offlineMessage: 'Billing is closed, back at 9.',
    noAgentTimeoutMinutes: 15,
  });
});

test('an HTTP request URL that is not a web address is named as an error under the form, and leaves once fixed', async () => {
  await openNewFlow(page, harness, { name: 'Forms', draft: formsFlow(), block: 'http' });
  await showAllBlocks(page);
  await node(page, 'http').click();
  const url = inspector().getByLabel('URL', { exact: true });
  const problem = inspector().locator('.problem-error', { hasText: 'not a web address' });
  await url.fill('shop.example.com/orders/{{order_id}}');
  await problem.waitFor();
  await url.fill('https://shop.example.com/orders/{{order_id}}');
  await problem.waitFor({ state: 'detached' });
});

test('a long variable name does not push the inspector sideways', async () => {
  const long = `customer_${'shipping_address_'.repeat(3)}line`;
  const doc = { ...formsFlow(), id: 'long-var', variables: [{ name: long }] };
  await openNewFlow(page, harness, { name: 'Long variable', draft: doc, block: 'mail' });
  await node(page, 'mail').click();
  await inspector()
    .getByRole('combobox', { name: /Insert a variable/ })
    .first()
    .waitFor();
  expect(await inspector().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
});
