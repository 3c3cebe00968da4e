import { describe, expect, it } from 'vitest';
import { embedSnippet } from '../src/snippet';
import { DESKTOP, MOBILE, SCREENSHOTS } from './browser';
import type { Detail } from './handoff-visitor';
import { storedConversationId, useStack } from './stack';
import { sdkEvents, widget } from './widget-page';

const stack = useStack();

/** The host page in a new desktop browser context, once the widget's launcher shows. */
async function openDesktopPage() {
  const context = await stack.current.browser.newContext({ viewport: DESKTOP });
  const page = await stack.current.openPage(context);
  const w = widget(page);
  await expect.poll(() => w.launcher.isVisible()).toBe(true);
  return { context, page, w };
}

describe('widget on a plain host page with hostile CSS, against the real runtime', () => {
  it('host CSS does not reach the widget, and the widget leaves the host page alone', async () => {
    const { context, page, w } = await openDesktopPage();
    const launcher = await w.launcher.evaluate((el) => {
      const s = getComputedStyle(el);
      return { width: s.width, height: s.height, position: s.position, radius: s.borderRadius, display: s.display };
    });
    expect(launcher).toEqual({ width: '56px', height: '56px', position: 'fixed', radius: '50%', display: 'grid' });
    const box = await w.launcher.boundingBox();
    expect(box && box.x + box.width).toBeCloseTo(DESKTOP.width - 20, 0);
    // The page's own rules still apply to the page.
    const hostButton = await page.locator('#host-button').evaluate((el) => getComputedStyle(el).display);
    expect(hostButton).toBe('none');
    const hostDiv = await page.locator('#host-box').evaluate((el) => getComputedStyle(el).color);
    expect(hostDiv).toBe('rgb(255, 0, 0)');
    await context.close();
  });

  // Sideways, a floating panel left the conversation 49 px between its header and the buttons.
  it.each([
    ['upright', MOBILE, 'widget-mobile-open.png'],
    ['sideways', { width: MOBILE.height, height: MOBILE.width }, 'widget-mobile-sideways-open.png'],
  ])('renders full-screen on a phone held %s', async (_, viewport, screenshot) => {
    const context = await stack.current.browser.newContext({ viewport, isMobile: true, hasTouch: true });
    const page = await stack.current.openPage(context);
    const w = widget(page);
    await w.launcher.click();
    await w.botSays('What can I help you with?').waitFor();
    const box = await w.panel.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    expect(await w.launcher.isVisible()).toBe(false);
    // 16px inputs: iOS Safari zooms the page into smaller ones on focus.
    expect(await w.composer.locator('textarea').evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
    await page.screenshot({ path: `${SCREENSHOTS}/${screenshot}`, animations: 'disabled' });
    await w.panel.getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(() => w.launcher.isVisible()).toBe(true);
    await context.close();
  });

  it('on a phone, swiping in the chat does not scroll the page behind it', async () => {
    const context = await stack.current.browser.newContext({ viewport: MOBILE, isMobile: true, hasTouch: true });
    const page = await stack.current.openPage(context);
    // A page longer than the screen (inline !important beats the host's own `all: unset !important`).
    await page.evaluate(() => {
      const tall = document.createElement('div');
      tall.style.setProperty('display', 'block', 'important');
      tall.style.setProperty('height', '3000px', 'important');
      document.body.append(tall);
    });
    const cdp = await context.newCDPSession(page);
    const pageScroll = () => page.evaluate(() => window.scrollY);
    /** A finger swiping up from (x, y), as touch events: the browser scrolls what is under it, or its ancestors. */
    const swipeUp = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let step = 1; step <= 8; step++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - step * 30 }] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const w = widget(page);
    await w.launcher.click();
    await w.botSays('What can I help you with?').waitFor();
    // The conversation is at its end, so a swipe over it (or the header, or the input area) has nothing to scroll.
    for (const part of [w.log, w.panel.locator('header'), w.composer]) {
      const box = await part.boundingBox();
      if (!box) throw new Error('chat part not shown');
      await swipeUp(box.x + box.width / 2, box.y + box.height - 4);
      await w.panel.evaluate(() => new Promise(requestAnimationFrame));
      expect(await pageScroll()).toBe(0);
    }
    // The same swipe with the chat closed scrolls the page.
    await w.panel.getByRole('button', { name: 'Close chat' }).click();
    await swipeUp(MOBILE.width / 2, MOBILE.height - 100);
    await expect.poll(pageScroll).toBeGreaterThan(0);
    await context.close();
  });

  it('SDK: calls queued before the loader replay, and open/close/toggle/hide/show/on/destroy work', async () => {
    const { context, page, w } = await openDesktopPage();
    await page.evaluate(() => window.Flowdesk && (window.Flowdesk as { open(): void }).open());
    await w.botSays('What can I help you with?').waitFor();
    await page.evaluate(() => (window.Flowdesk as { toggle(): void }).toggle());
    await expect.poll(() => w.panel.isVisible()).toBe(false);
    await page.evaluate(() => (window.Flowdesk as { hide(): void }).hide());
    await expect.poll(() => w.launcher.isVisible()).toBe(false);
    await page.evaluate(() => (window.Flowdesk as { show(): void }).show());
    await expect.poll(() => w.launcher.isVisible()).toBe(true);
    const events = await sdkEvents(page);
    expect(events.slice(0, 1)).toEqual(['open']);
    expect(events).toContain('close');
    expect(events.some((e) => e.startsWith('message:bot:'))).toBe(false); // history is not "new"
    await page.evaluate(() => (window.Flowdesk as { destroy(): void }).destroy());
    expect(await page.locator('flowdesk-widget').count()).toBe(0);

    // After destroy the page holds the snippet's queuing stub again: calls queue instead of throwing,
    // and running the loader again boots a fresh widget that replays them.
    const queued = await page.evaluate(() => {
      const sdk = window.Flowdesk as { open(): void; setVariables(v: object): void; q: unknown[] };
      sdk.setVariables({ again: true });
      sdk.open();
      return sdk.q;
    });
    expect(queued).toEqual([['setVariables', { again: true }], ['open']]);
    await page.evaluate((src) => {
      document.body.append(Object.assign(document.createElement('script'), { src, async: true }));
    }, `${stack.current.runtime.url}/widget/loader.js`);
    await w.botSays('What can I help you with?').waitFor();
    expect(await page.locator('flowdesk-widget').count()).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('script[src$="/widget/chat.js"]').length)).toBe(1);
    await page.evaluate(() => (window.Flowdesk as { close(): void }).close());
    await expect.poll(() => w.panel.isVisible()).toBe(false);
    await context.close();
  });

  it('a value the session cannot take is left out with a console warning naming it; the chat still starts', async () => {
    const s = stack.current;
    const context = await s.browser.newContext({ viewport: DESKTOP });
    const page = await s.openPage(context);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const w = widget(page);
    await expect.poll(() => w.launcher.isVisible()).toBe(true);
    // Before this fix one nested value made the session answer 400: "Could not connect to the chat".
    await page.evaluate(() => {
      const sdk = window.Flowdesk as { setVariables(v: object): void; identify(v: object): void };
      sdk.setVariables({ company: { name: 'Ray & Co' }, tier: 'gold' });
      sdk.identify({ name: 'Bo Ray', email: 'bo at example' });
    });
    await w.launcher.click();
    await w.botSays('What can I help you with?').waitFor();
    await page.evaluate(() =>
      (window.Flowdesk as { setVariables(v: object): void }).setVariables({ cart: 2, items: ['a'] }),
    );
    const id = await storedConversationId(page, s.botId);
    await expect
      .poll(async () => (await s.asAgent<Detail>('GET', `/api/inbox/conversations/${id}`)).visitor)
      .toMatchObject({
        name: 'Bo Ray',
        email: 'vera@example.com',
        variables: { plan: 'pro', seats: 12, tier: 'gold', cart: 2 },
      });
    const { variables } = (await s.asAgent<Detail>('GET', `/api/inbox/conversations/${id}`)).visitor;
    expect(Object.keys(variables)).not.toContain('company');
    expect(Object.keys(variables)).not.toContain('items');
    expect(warnings).toEqual([
      'Flowdesk: ignored the variable "company": only text, numbers and true/false can be set (no objects, lists or null).',
      'Flowdesk: ignored the visitor detail "email": it is not an email address.',
      'Flowdesk: ignored the variable "items": only text, numbers and true/false can be set (no objects, lists or null).',
    ]);
    await context.close();
  });

  it('is usable with the keyboard alone: focus goes in, Tab stays in, Escape closes and focus returns', async () => {
    const { context, page, w } = await openDesktopPage();
    await w.launcher.focus();
    await page.keyboard.press('Enter');
    await w.botSays('What can I help you with?').waitFor();
    const inPanel = () => w.panel.evaluate((el) => el.contains((el.getRootNode() as ShadowRoot).activeElement));
    await expect.poll(inPanel).toBe(true);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await inPanel()).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await inPanel()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => w.panel.isVisible()).toBe(false);
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className);
    expect(focused).toBe('launcher');
    expect(await w.log.getAttribute('aria-live')).toBe('polite');
    expect(await w.log.getAttribute('aria-busy')).toBe('false');
    await context.close();
  });

  it('takes strings, theme colour, side and greeting from the page config; sound is off until turned on', async () => {
    const s = stack.current;
    const french = await s.hostPageWith({
      config: {
        theme: { primaryColor: '#0f766e' },
        position: 'left',
        greeting: 'Bonjour ! Posez-nous vos questions.',
        strings: { openChat: 'Ouvrir le chat', placeholder: 'Votre message…', closeChat: 'Fermer' },
      },
    });
    const context = await s.browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(french.url);
    const w = widget(page);
    await expect.poll(async () => (await w.launcher.boundingBox())?.x).toBe(20);
    await w.host.getByRole('button', { name: 'Ouvrir le chat' }).click();
    await w.panel.getByText('Bonjour ! Posez-nous vos questions.').waitFor();
    await w.botSays('What can I help you with?').waitFor();
    expect(await w.composer.locator('textarea').getAttribute('placeholder')).toBe('Votre message…');
    expect(await w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)');
    expect((await w.panel.boundingBox())?.x).toBe(20);
    expect(await w.panel.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');

    const sound = w.panel.locator('button.sound');
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    await sound.click();
    expect(await sound.getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-config-left.png`, animations: 'disabled' });
    await page.reload();
    await w.host.getByRole('button', { name: 'Ouvrir le chat' }).click();
    expect(await w.panel.locator('button.sound').getAttribute('aria-pressed')).toBe('true');
    await context.close();
    await french.close();
  });

  it('works from <head> and when a site includes the snippet twice: one widget, one launcher', async () => {
    const s = stack.current;
    const snippet = embedSnippet({ botId: s.botId, runtimeUrl: s.runtime.url });
    const html = `<!doctype html><html><head>${snippet}${snippet}</head><body><p>Head install</p></body></html>`;
    const site = await s.hostPageWith({ pages: { '/head-install': html } });
    const context = await s.browser.newContext({ viewport: DESKTOP });
    const page = await s.openPage(context, `${site.url}head-install`);
    const w = widget(page);
    await w.launcher.click();
    await w.botSays('What can I help you with?').waitFor();
    expect(await page.locator('flowdesk-widget').count()).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('script[src$="/widget/chat.js"]').length)).toBe(1);
    await context.close();
    await site.close();
  });
});
