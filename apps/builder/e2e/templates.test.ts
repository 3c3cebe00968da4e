import { expect, onTestFailed, test } from 'vitest';
import { SCREENSHOTS, signInAsAdmin } from './support/browser';
import { allChangesSaved, node, showAllBlocks } from './support/canvas';
import { setupDashboard } from './support/dashboard';
import { botReplies, botSays, pickChoice, sendToBot } from './support/preview';

const { harness, page, consoleErrors } = setupDashboard();

const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/builder-templates-${name}.png` });
const note = (text: string) => page.locator('.preview-entry.from-note', { hasText: text });

/** Flows page → New flow → the template's card → create; waits for the editor and opens the preview. */
async function createFromTemplate(name: string, keyBlock: string) {
  await page.goto(`${harness.appUrl}flows`);
  await page.getByRole('button', { name: 'New flow', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.locator('.template-card', { hasText: name }).click();
  expect(await dialog.getByLabel('Name').inputValue()).toBe(name);
  await dialog.getByRole('button', { name: `Create from “${name}”` }).click();
  await node(page, 'start').waitFor();
  await showAllBlocks(page);
  await node(page, keyBlock).waitFor();
  await allChangesSaved(page);
  await page.getByRole('tab', { name: 'Preview' }).click();
}

const step = (id: string) => page.locator(`.first-run-steps li[data-step="${id}"]`);

test('the gallery creates each template as a flow that chats in the preview; the checklist ticks after a publish', async () => {
  onTestFailed(async () => {
    await shot('failure');
  });
  // The order status template asks the shop's API; here the browser gets the shop's answer from the test.
  await page.route('https://shop.example.com/api/orders/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ status: 'shipped', deliveryDate: 'Friday' }),
    }),
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAsAdmin(page, harness);

  // A fresh workspace: nothing ticked.
  await page.getByTestId('checklist-progress').filter({ hasText: '0 of 5 done' }).waitFor();

  // The gallery: blank + six templates, each with a preview of its blocks.
  await page.getByRole('button', { name: 'New flow', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.locator('.template-card', { hasText: 'Support triage' }).click();
  expect(await dialog.locator('.template-card').count()).toBe(7);
  expect(await dialog.locator('.template-card .mini-flow').count()).toBe(6);
  await shot('gallery');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Support triage: topic → details → handoff to the team (the editor at 1280×720).
  await page.setViewportSize({ width: 1280, height: 720 });
  await createFromTemplate('Support triage', 'handoff');
  await botSays(page, 'What is it about?').waitFor();
  await pickChoice(page, 'Billing');
  await botSays(page, 'Tell us a little more').waitFor();
  await botReplies(page, 'I was charged twice', 'Someone from the team will reply here shortly.');
  await shot('editor-support-triage');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Lead capture: the lead's details reach the sales email.
  await createFromTemplate('Lead capture', 'notify_sales');
  await pickChoice(page, 'Book a demo');
  await botReplies(page, 'Ada', 'Thanks Ada. What is your work email?');
  await sendToBot(page, 'ada@acme.example');
  await botReplies(page, 'Acme', 'Someone from our sales team will email ada@acme.example');

  // FAQ: the AI answer comes from the knowledge text, as a live chat answers it (the runtime's answer, not a guess
  // by shared words: "take" / "takes" and "long" matched nothing there, and the preview handed off).
  await createFromTemplate('FAQ with AI answers', 'faq');
  await botReplies(page, 'How long does shipping take?', 'delivery takes 3 to 5 days');
  await note("AI answer from the block's knowledge, as a live chat would answer.").waitFor();
  await botSays(page, 'Did that answer your question?').waitFor();

  // Order status: the HTTP block asks the shop and the status is told.
  await createFromTemplate('Order status', 'lookup');
  await sendToBot(page, '10423');
  await note('GET https://shop.example.com/api/orders/10423 answered 200').waitFor();
  await botSays(page, 'Order 10423 is shipped. Expected delivery: Friday.').waitFor();

  // Appointment request: service, date, email → confirmation.
  await createFromTemplate('Appointment request', 'notify_team');
  await pickChoice(page, 'Consultation');
  await botSays(page, 'Which day suits you best?').waitFor();
  await botReplies(page, '2027-03-14', 'Which email should we send the confirmation to?');
  await botReplies(page, 'ada@example.com', "We'll confirm your Consultation");

  // AI agent: answers from its knowledge, then hands off after asking for an email.
  await createFromTemplate('AI agent with handoff', 'agent');
  await botReplies(
    page,
    'When does your support team answer?',
    'Our support team answers Monday to Friday, 9:00 to 17:00.',
  );
  await botReplies(
    page,
    'I would like to talk to a human',
    "I'll connect you with a teammate. Before I do, could you tell me your email?",
  );
  await botReplies(page, 'ann@example.com', 'Connecting you with our team.');

  // Built and previewed, not published yet.
  await page.goto(`${harness.appUrl}flows`);
  await page.getByTestId('checklist-progress').filter({ hasText: '2 of 5 done' }).waitFor();
  expect(await step('build').getAttribute('data-done')).toBe('true');
  expect(await step('preview').getAttribute('data-done')).toBe('true');
  expect(await step('publish').getAttribute('data-done')).toBe('false');
  expect(
    await page
      .getByRole('link')
      .filter({ hasText: /^Order status$/ })
      .count(),
  ).toBe(1);

  // Publish one from the editor: the checklist ticks "Publish it".
  await page.getByRole('link', { name: 'Support triage' }).click();
  await node(page, 'start').waitFor();
  await page.getByRole('button', { name: /^Publish/ }).click();
  await page.getByLabel(/What changed/).fill('From the template');
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published version 1').waitFor();
  await page.goto(`${harness.appUrl}flows`);
  await page.getByTestId('checklist-progress').filter({ hasText: '3 of 5 done' }).waitFor();
  expect(await step('publish').getAttribute('data-done')).toBe('true');
  await shot('checklist');

  // Dismissed: gone, and stays gone after a reload.
  await page.getByRole('button', { name: 'Dismiss the getting started checklist' }).click();
  await expect.poll(() => page.locator('.first-run').count()).toBe(0);
  await page.reload();
  await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Lead capture' }).waitFor();
  expect(await page.locator('.first-run').count()).toBe(0);
  expect(consoleErrors).toEqual([]);
}, 240_000);
