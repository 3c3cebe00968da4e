import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from './browser';
import { visitorAtMainMenu } from './handoff-visitor';
import { useStack } from './stack';

const stack = useStack();

// Issue 18: while buttons showed, the widget had no text box (the builder's preview had one).
describe('the visitor can type at a button step, against the real runtime', () => {
  it('typing "talk to a human" at the main menu hands off', async () => {
    const { s, context, page, w } = await visitorAtMainMenu(stack.current);
    await s.asAgent('PUT', '/api/inbox/presence', { status: 'online' });
    expect(await w.composer.locator('.choices button').count()).toBe(3);
    expect(await w.composer.locator('textarea').isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-buttons-with-text-box.png`, animations: 'disabled' });
    await w.send('talk to a human');
    const confirmation = w.botSays('Connecting you with our support team');
    await confirmation.waitFor();
    // The reply time replaces the flow's own "someone will reply here shortly" instead of contradicting it.
    expect(await confirmation.locator('.bubble').textContent()).toMatch(
      /^Connecting you with our support team\. We usually reply (in a few \w+|within a day)\.$/,
    );
    await w.banner.filter({ hasText: 'Connecting you with the team' }).waitFor();
    await context.close();
  });

  it('a typed label (typo included) follows its button; a question typed at a menu is answered', async () => {
    const { context, page, w } = await visitorAtMainMenu(stack.current);
    await w.send('pricng');
    await w.botSays('What would you like to know about our plans?').waitFor();
    await w.send('How much does the Pro plan cost per month?');
    await w.botSays('Anything else I can help with?').waitFor();
    expect(await w.composer.locator('textarea').isVisible()).toBe(true);
    // Before, a question typed at "Anything else?" got "Sorry, I didn't catch that".
    await w.send('How do I reset my password?');
    await w.botSays('Forgot password').waitFor();
    await expect.poll(() => w.botSays('Anything else I can help with?').count()).toBe(2);
    expect(await w.composer.getByRole('button', { name: 'Another question' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-typed-question.png`, animations: 'disabled' });
    await w.send('another questoin');
    await w.botSays('Go ahead, what is your question?').waitFor();
    await context.close();
  });
});
