import { expect, onTestFailed, test } from 'vitest';
import { SCREENSHOTS } from './support/browser';
import { allChangesSaved, node } from './support/canvas';
import { setupDashboard } from './support/dashboard';
import { botReplies, botSays, sendToBot } from './support/preview';

const { harness, page, consoleErrors } = setupDashboard({ signedIn: true });

const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/builder-ai-agent-bot-${name}.png` });

test('"New AI agent bot" creates an AI agent with a human handoff; it publishes without errors and the preview answers', async () => {
  onTestFailed(async () => {
    await shot('failure');
  });
  await page.getByRole('button', { name: 'New AI agent bot' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Help agent');
  await shot('01-dialog');
  await dialog.getByRole('button', { name: 'Create AI agent bot' }).click();
  await node(page, 'agent').waitFor();
  await expect(node(page, 'agent').locator('.block-output').allTextContents()).resolves.toEqual([
    'Hand off to a human',
  ]);
  await expect(node(page, 'handoff').textContent()).resolves.toContain('Priority: AI decides');
  await expect(page.getByRole('tab', { name: /Problems/ }).textContent()).resolves.toBe('Problems'); // no badge
  await shot('02-canvas');

  await allChangesSaved(page);
  await page.getByRole('button', { name: /^Publish/ }).click();
  expect(await dialog.getByRole('alert').count()).toBe(0);
  await page.getByLabel(/What changed/).fill('AI agent bot from the template');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published version 1').waitFor();
  const version = await harness.runtime.db.selectFrom('flow_versions').select('document').executeTakeFirstOrThrow();
  const published = version.document as { blocks: { type: string }[] };
  expect(published.blocks.map((b) => b.type)).toEqual(['start', 'ai_agent', 'human_handoff', 'message', 'end']);

  // The preview: the agent answers from its knowledge, then hands off after asking for an email, as a live chat's
  // agent does (the runtime's turn, not the preview's own guess).
  await page.getByRole('tab', { name: 'Preview' }).click();
  await botReplies(
    page,
    'When does your support team answer?',
    'Our support team answers Monday to Friday, 9:00 to 17:00.',
  );
  await page.locator('.preview-entry.from-note', { hasText: 'AI agent reply, as a live chat would get it' }).waitFor();
  await botReplies(
    page,
    'I would like to talk to a human',
    "I'll connect you with a teammate. Before I do, could you tell me your email?",
  );
  await sendToBot(page, 'ann@example.com');
  await page.locator('.preview-handoff').waitFor();
  // The runtime writes the summary; the note reads “Writing summary…” until it is in. Its problem is the question
  // asked, not the request for a person.
  await expect
    .poll(() => page.locator('.preview-handoff-summary').textContent())
    .toContain('The visitor: When does your support team answer?');
  await botSays(page, 'Connecting you with our team.').waitFor();
  await shot('03-preview-handoff');

  // Nobody available: the offline path thanks the visitor and ends.
  await page.getByRole('checkbox', { name: 'Agents available' }).uncheck();
  await page.getByRole('button', { name: 'Restart' }).click();
  await botReplies(
    page,
    'Can a person help me?',
    "I'll connect you with a teammate. Before I do, could you tell me your email?",
  );
  await botReplies(page, 'ann@example.com', "We'll reply to ann@example.com as soon as we're back.");
  await page.locator('.from-status', { hasText: 'The conversation ended.' }).waitFor();
  await shot('04-preview-offline');
  expect(consoleErrors).toEqual([]);
});
