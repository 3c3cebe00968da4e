import { describe, expect, it } from 'vitest';
import { DESKTOP, SCREENSHOTS } from './browser';
import { askForPersonOffline } from './handoff-visitor';
import { useStack } from './stack';
import { widget } from './widget-page';

const stack = useStack();

describe('offline: nobody can answer, against the real runtime', () => {
  it('walks the demo flow with buttons, an invalid then a valid email, and keeps it across a reload', async () => {
    await stack.current.asAgent('PUT', '/api/inbox/presence', { status: 'offline' });
    const context = await stack.current.browser.newContext({ viewport: DESKTOP });
    const page = await stack.current.openPage(context);
    const w = widget(page);
    await w.launcher.click();
    await expect.poll(() => w.panel.isVisible()).toBe(true);
    await w.botSays("I'm the Acme assistant").waitFor();
    await w.botSays('What can I help you with?').waitFor();
    const font = await w.panel.evaluate((el) => getComputedStyle(el).fontSize);
    expect(font).toBe('14px');

    // Nobody is online: the handoff block takes its offline branch, which asks for an email.
    const email = await askForPersonOffline(w);
    await w.visitorSaid('Talk to a human').waitFor();
    await email.fill('not-an-email');
    await email.press('Enter');
    await w.panel.getByRole('alert').filter({ hasText: "doesn't look like an email" }).waitFor();
    await expect.poll(() => email.isVisible()).toBe(true);
    await email.fill('visitor@example.com');
    await email.press('Enter');
    await w.botSays("Thanks! We'll write to visitor@example.com soon.").waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-offline-flow.png`, animations: 'disabled' });

    const before = await w.log.locator('.row').allTextContents();
    await page.reload();
    await w.launcher.click();
    await w.botSays("Thanks! We'll write to visitor@example.com soon.").waitFor();
    const after = await w.log.locator('.row').allTextContents();
    expect(after).toEqual(before);
    expect(new Set(after).size).toBeGreaterThan(5);
    await context.close();
  });
});
