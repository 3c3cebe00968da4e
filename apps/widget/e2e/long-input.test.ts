import { describe, expect, it } from 'vitest';
import { askForPersonOffline, visitorAtMainMenu, visitorAtOfflineForm } from './handoff-visitor';
import { useStack } from './stack';

const stack = useStack();

// Pasted text (insertText) goes through the browser's own input handling, as a visitor's paste does.
describe('a visitor who pastes far too much text still gets an answer', () => {
  it('at a typed question (the email step), the text is kept to what the runtime takes and the bot answers', async () => {
    await stack.current.asAgent('PUT', '/api/inbox/presence', { status: 'offline' });
    const { context, page, w } = await visitorAtMainMenu(stack.current);
    const email = await askForPersonOffline(w);
    await email.focus();
    await page.keyboard.insertText('x'.repeat(6000));
    await page.keyboard.press('Enter');
    await w.botSays("doesn't look like an email").waitFor();
    const sent = w.visitorSaid('xxxx');
    expect(((await sent.locator('.bubble').textContent()) ?? '').length).toBe(5000);
    expect(await w.panel.locator('.row.failed').count()).toBe(0);
    await context.close();
  });

  it('in the email form shown while nobody can answer, a very long name does not stop the save', async () => {
    const { page, form, close } = await visitorAtOfflineForm(stack.current, 'Bare long');
    await form.getByLabel('Email').fill('long.name@example.com');
    await form.getByLabel(/Name/).focus();
    await page.keyboard.insertText('Bartholomew '.repeat(30));
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByRole('status').filter({ hasText: 'long.name@example.com' }).waitFor();
    await close();
  });
});
