import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { visitorAtMainMenu } from './handoff-visitor';
import { holdRequests } from './hold-requests';
import { useStack } from './stack';

const stack = useStack();

/** Holds the visitor's sends (POST …/messages) until the returned function is called. */
const holdSends = (page: Page) => holdRequests(page, '**/api/public/conversations/*/messages*', 'POST');

/** The name and value of the element focused inside the widget's shadow root. */
const focusedField = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('flowdesk-widget')?.shadowRoot?.activeElement as HTMLTextAreaElement | null;
    return { name: active?.getAttribute('name') ?? active?.tagName ?? null, value: active?.value ?? null };
  });

/** The message box's height and how much of its text is hidden (scrolled out of it), in pixels. */
const boxSize = (page: Page) =>
  page
    .locator('flowdesk-widget .composer textarea')
    .evaluate((el: HTMLTextAreaElement) => ({ height: el.offsetHeight, hidden: el.scrollHeight - el.clientHeight }));

describe('the message box', () => {
  it('grows with a message of several lines, up to a limit, and shrinks back once it is sent', async () => {
    const { context, page, w } = await visitorAtMainMenu(stack.current);
    const empty = await boxSize(page);
    await w.composer.locator('textarea').click();
    await page.keyboard.type('My invoice from last month lists a plan I never ordered.');
    for (const line of ['Order A-1', 'Order A-2']) {
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type(line);
    }
    const three = await boxSize(page);
    expect(three.hidden).toBe(0);
    expect(three.height).toBeGreaterThan(empty.height * 2);
    for (let line = 3; line <= 12; line++) {
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type(`Order A-${line}`);
    }
    // Past its limit the box stops growing and scrolls, so the log above keeps its room.
    expect((await boxSize(page)).height).toBeLessThanOrEqual(120);
    await page.keyboard.press('Enter');
    await w.visitorSaid('Order A-12').waitFor();
    expect(await boxSize(page)).toEqual(empty);
    await context.close();
  });
});

describe('what the visitor types while the bot works on its answer', () => {
  it('stays in the box, with focus and caret, when the bot asks its next question', async () => {
    const { context, page, w } = await visitorAtMainMenu(stack.current);
    const release = await holdSends(page);
    await w.composer.getByRole('button', { name: 'Pricing' }).click();
    await w.pending.filter({ hasText: 'Pricing' }).waitFor();
    const field = w.composer.locator('textarea');
    await field.click();
    await page.keyboard.type('Do you have student');

    release();
    await w.botSays('What would you like to know about our plans?').waitFor();
    // The visitor goes on typing where they were, without clicking back into the box.
    await page.keyboard.type(' discounts?');
    expect(await focusedField(page)).toEqual({ name: 'message', value: 'Do you have student discounts?' });
    await page.keyboard.press('Enter');
    await w.visitorSaid('Do you have student discounts?').waitFor();
    await context.close();
  });

  it('keeps focus in the box when the answer brings buttons, so a space does not press one', async () => {
    const { context, page, w } = await visitorAtMainMenu(stack.current);
    await w.composer.getByRole('button', { name: 'Pricing' }).click();
    await w.botSays('What would you like to know about our plans?').waitFor();
    const release = await holdSends(page);
    await w.send('How much is the pro plan?');
    await page.keyboard.type('And the team');

    release();
    await w.composer.getByRole('button', { name: 'Another question' }).waitFor();
    await page.keyboard.type(' plan?');
    expect(await focusedField(page)).toEqual({ name: 'message', value: 'And the team plan?' });
    expect(await w.visitorSaid('Another question').count()).toBe(0);
    await context.close();
  });
});
