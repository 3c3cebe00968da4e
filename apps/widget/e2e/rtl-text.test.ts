import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from './browser';
import { visitorAtMainMenu } from './handoff-visitor';
import { useStack } from './stack';

const stack = useStack();
const ARABIC = 'مرحبا، أحتاج مساعدة في طلبي رقم 1234. لم يصل بعد!';

// A right-to-left message laid out left to right puts its full stop and "!" at the wrong end of the line.
describe('a visitor writing Arabic or Hebrew', () => {
  it('types and reads their message right to left; English stays left to right', async () => {
    const { context, page, w } = await visitorAtMainMenu(stack.current);
    const field = w.panel.locator('.composer textarea');
    await field.fill(ARABIC);
    expect(await field.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    await field.press('Enter');
    const arabic = w.visitorSaid('1234').locator('p');
    await arabic.waitFor();
    expect(await arabic.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    const greeting = w.botSays('What can I help you with?').locator('p').first();
    expect(await greeting.evaluate((el) => el.matches(':dir(ltr)'))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-rtl-text.png` });
    await context.close();
  });
});
