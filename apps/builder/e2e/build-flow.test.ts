import { expect, onTestFailed, test } from 'vitest';
import { startHostPage } from '../../widget/e2e/host-page';
import { widget } from '../../widget/e2e/widget-page';
import { SCREENSHOTS } from './support/browser';
import { allChangesSaved, connect, dragBlock, node, tidy } from './support/canvas';
import { setupDashboard } from './support/dashboard';

const { harness, page, consoleErrors } = setupDashboard({ signedIn: true });

const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/builder-${name}.png` });
const inspector = () => page.locator('.inspector');

test('an admin builds a support flow from an empty canvas, fixes a problem shown on the canvas and publishes it', async () => {
  onTestFailed(async () => {
    await shot('failure');
    const rows = await harness.runtime.db.selectFrom('flows').select('draft').execute();
    console.log(
      'DEBUG',
      consoleErrors.join('\n'),
      JSON.stringify(rows.map((r) => (r.draft as { edges: unknown }).edges)),
    );
  });
  await expect(page.getByText('No flows yet').isVisible()).resolves.toBe(true);
  await shot('01-flows-empty');

  await page.getByRole('button', { name: 'New flow' }).click();
  await page.getByLabel('Name').fill('Acme support');
  await page.getByRole('button', { name: 'Create flow' }).click();
  await node(page, 'start').waitFor();
  await shot('02-empty-canvas');

  // Welcome message, dragged from the palette and connected from the start block.
  const welcome = await dragBlock(page, 'message');
  await inspector().getByLabel('Text', { exact: true }).fill('Welcome to Acme! How can we help today?');
  await connect(page, 'start', 'next', welcome);
  await tidy(page);
  await expect(node(page, welcome).textContent()).resolves.toContain('Welcome to Acme!');

  // Buttons: two options, typing allowed.
  const menu = await dragBlock(page, 'buttons');
  await inspector().getByLabel('Question', { exact: true }).fill('What do you need?');
  const labels = inspector().getByLabel('Label');
  await labels.nth(0).fill('Pricing');
  await labels.nth(1).fill('Talk to someone');
  // Without typed answers, typed text that matches no button nor intent has its own exit.
  await expect(node(page, menu).locator('.block-output').allTextContents()).resolves.toEqual([
    'Pricing',
    'Talk to someone',
    'No match',
  ]);
  await inspector()
    .getByLabel(/Typed text is an answer/)
    .check();
  await connect(page, welcome, 'next', menu);
  await tidy(page);
  await expect(node(page, menu).locator('.block-output').allTextContents()).resolves.toEqual([
    'Pricing',
    'Talk to someone',
    'Typed something else',
  ]);

  // Match intent: the flow has no intent yet, so the canvas flags the block.
  const match = await dragBlock(page, 'match_intent');
  await connect(page, menu, 'typed', match);
  await tidy(page);
  await node(page, match).locator('.node-badge-error').waitFor();
  await shot('03-problem-on-canvas');
  await page.getByRole('tab', { name: /Problems/ }).click();
  const problem = page.locator('.problem-error', { hasText: 'intent' }).first();
  await problem.getByRole('button').click();
  await expect(page.getByRole('tab', { name: 'Block' }).getAttribute('aria-selected')).resolves.toBe('true');
  await expect(node(page, match).getAttribute('class')).resolves.toContain('selected');

  // Fix it: add the "Talk to a human" intent from the template and recognise it.
  await page.getByRole('tab', { name: /Intents/ }).click();
  await page.getByRole('button', { name: /Talk to a human.*template/ }).click();
  await node(page, match).click();
  await inspector().getByLabel('Talk to a human').check();
  await expect(
    inspector()
      .getByLabel(/Unknown intent/)
      .count(),
  ).resolves.toBe(0);
  await node(page, match).locator('.node-badge-error').waitFor({ state: 'detached' });
  await connect(page, menu, 'option_2', match);

  // Human handoff with an offline path that ends the conversation politely.
  const handoff = await dragBlock(page, 'human_handoff');
  await connect(page, match, 'talk_to_a_human', handoff);
  await tidy(page);
  await expect(node(page, handoff).textContent()).resolves.toContain('Priority: AI decides');
  await inspector().getByLabel('Priority', { exact: true }).selectOption('high');
  await expect(node(page, handoff).textContent()).resolves.toContain('Priority: High');
  const offline = await dragBlock(page, 'message');
  await inspector()
    .getByLabel('Text', { exact: true })
    .fill("We're offline right now. Leave your email and we'll write back.");
  await connect(page, handoff, 'offline', offline);
  await tidy(page);
  await shot('04-flow-built');

  // Publish: allowed with warnings only.
  await allChangesSaved(page);
  await page.getByRole('button', { name: /^Publish/ }).click();
  await page.getByLabel(/What changed/).fill('First version: welcome, menu, handoff');
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published version 1').waitFor();
  await shot('05-published');

  const flows = await harness.runtime.db.selectFrom('flows').select(['id']).execute();
  const versions = await harness.runtime.db.selectFrom('flow_versions').selectAll().execute();
  expect(versions).toHaveLength(1);
  expect(versions[0]).toMatchObject({
    flow_id: flows[0]!.id,
    number: 1,
    note: 'First version: welcome, menu, handoff',
  });
  const published = versions[0]!.document as {
    blocks: { id: string; type: string }[];
    edges: { source: string; sourceHandle: string; target: string }[];
  };
  expect(published.blocks.map((b) => b.type).sort()).toEqual([
    'buttons',
    'human_handoff',
    'match_intent',
    'message',
    'message',
    'start',
  ]);
  expect(published.edges).toContainEqual(
    expect.objectContaining({ source: handoff, sourceHandle: 'offline', target: offline }),
  );
  expect(published.edges).toContainEqual(
    expect.objectContaining({ source: match, sourceHandle: 'talk_to_a_human', target: handoff }),
  );
  expect(consoleErrors).toEqual([]);

  // A visitor now chats with the published bot through the embedded widget on a plain website.
  const site = await startHostPage({ runtimeUrl: harness.runtime.url, botId: harness.seeded.botId });
  const visitorPage = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await visitorPage.goto(site.url);
    const chat = widget(visitorPage);
    await chat.launcher.click();
    await chat.botSays('Welcome to Acme!').waitFor();
    await chat.botSays('What do you need?').waitFor();
    await chat.send('I want to talk to a human please');
    await chat.botSays('Connecting you with our team.').waitFor();
    await visitorPage.screenshot({ path: `${SCREENSHOTS}/builder-06-visitor-handoff.png` });
  } finally {
    await visitorPage.close();
    await site.close();
  }
  const conversation = await harness.runtime.db
    .selectFrom('conversations')
    .select(['status', 'priority'])
    .where('bot_id', '=', harness.seeded.botId)
    .executeTakeFirstOrThrow();
  expect(conversation).toMatchObject({ status: 'needs_agent', priority: 'high' });
});
