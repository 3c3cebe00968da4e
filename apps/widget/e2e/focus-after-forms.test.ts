import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { visitorAtOfflineForm, visitorInHandoff } from './handoff-visitor';
import { useStack } from './stack';
import type { widget } from './widget-page';

const stack = useStack();

/** The text of the element focused inside the chat panel, or null when focus is outside it (on the page). */
const focusedInPanel = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('flowdesk-widget')?.shadowRoot?.activeElement;
    return active?.closest('[role="dialog"]') ? (active.textContent ?? '') : null;
  });

/** Escape still closes the chat (the panel's own key handling) and focus goes back to the launcher. */
async function escapeCloses(page: Page, w: ReturnType<typeof widget>) {
  await page.keyboard.press('Escape');
  await w.panel.waitFor({ state: 'hidden' });
  await expect
    .poll(() => w.launcher.evaluate((el) => el.getRootNode() instanceof ShadowRoot && el.matches(':focus')))
    .toBe(true);
}

describe('a keyboard visitor keeps their place in the chat when a form thanks them', () => {
  it('rating after a resolution: the thank-you line takes focus from the comment form', async () => {
    const { s, context, page, w, conversationId } = await visitorInHandoff(stack.current);
    await s.asAgent('POST', `/api/inbox/conversations/${conversationId}/resolve`);
    const csat = w.panel.locator('.csat');
    await csat.getByRole('button', { name: '4 out of 5 stars' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(page)).toBe('');
    await page.keyboard.type('Quick and kind.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await csat.locator('form').waitFor({ state: 'detached' });
    expect(await focusedInPanel(page)).toBe('Thank you for your feedback!');
    await escapeCloses(page, w);
    await context.close();
  });

  it('the email form shown while nobody can answer: the saved line takes focus from the form', async () => {
    const { page, w, form, close } = await visitorAtOfflineForm(stack.current, 'Bare focus');
    await form.getByLabel('Email').focus();
    await page.keyboard.type('kay.board@example.com');
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: 'kay.board@example.com' }).waitFor();
    expect(await focusedInPanel(page)).toBe("Thanks! We'll reply to kay.board@example.com.");
    await escapeCloses(page, w);
    await close();
  });
});
