import { describe, expect, it } from 'vitest';
import { DESKTOP } from './browser';
import { askForPersonOffline, bareHandoffFlow, visitorAtMainMenu } from './handoff-visitor';
import { startHostPage } from './host-page';
import { useStack } from './stack';
import { widget } from './widget-page';
import { botWithFlow } from './working-flows';

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
    const s = stack.current;
    await s.asAgent('PUT', '/api/inbox/presence', { status: 'offline' });
    const botId = await botWithFlow(s.runtime.url, s.admin, 'Bare long', bareHandoffFlow);
    const host = await startHostPage({ runtimeUrl: s.runtime.url, botId });
    const context = await s.browser.newContext({ viewport: DESKTOP });
    const page = await s.openPage(context, host.url);
    const w = widget(page);
    await w.launcher.click();
    const form = w.panel.locator('form.offline');
    await form.getByLabel('Email').fill('long.name@example.com');
    await form.getByLabel(/Name/).focus();
    await page.keyboard.insertText('Bartholomew '.repeat(30));
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByRole('status').filter({ hasText: 'long.name@example.com' }).waitFor();
    await context.close();
    await host.close();
  });
});
