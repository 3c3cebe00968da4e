import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, SCREENSHOTS } from './browser';
import { galleryFlow } from './gallery-flow';
import { type HostPage, startHostPage } from './host-page';
import { api } from './runtime-api';
import { useStack } from './stack';
import { widget } from './widget-page';

const stack = useStack();
let gallery: HostPage;

beforeAll(async () => {
  const s = stack.current;
  const admin = <T>(method: string, path: string, body?: unknown) => api<T>(s.runtime.url, s.admin, method, path, body);
  const { bot } = await admin<{ bot: { id: string } }>('POST', '/api/admin/bots', {
    name: 'Gallery',
    allowedOrigins: ['*'],
  });
  // The media live on the host page's origin, as a customer's assets would.
  gallery = await startHostPage({ runtimeUrl: s.runtime.url, botId: bot.id });
  const { flow } = await admin<{ flow: { id: string } }>('POST', '/api/admin/flows', {
    botId: bot.id,
    name: 'Gallery',
    draft: galleryFlow(gallery.url.replace(/\/$/, '')),
  });
  await admin('POST', `/api/admin/flows/${flow.id}/publish`, { note: 'gallery' });
});

afterAll(() => gallery?.close());

describe('every message type and input kind, from a published flow through the real runtime', () => {
  it('renders each content type safely and asks each input with the right control', async () => {
    const s = stack.current;
    const context = await s.browser.newContext({ viewport: DESKTOP });
    const page = await s.openPage(context, gallery.url);
    const w = widget(page);
    await w.launcher.click();
    const base = gallery.url.replace(/\/$/, '');

    const text = w.botSays('Plain <b>not bold</b> text');
    await text.waitFor();
    expect(await text.locator('b').count()).toBe(0);
    expect(await text.locator('a').getAttribute('href')).toBe('https://acme.example/docs');
    expect(await text.locator('a').getAttribute('rel')).toContain('noopener');

    const img = w.panel.locator('.media.image img').first();
    expect(await img.getAttribute('src')).toBe(`${base}/media/plan.svg`);
    expect(await img.getAttribute('alt')).toBe('The Pro plan');
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(320);
    // The image's alt names its link; an image without alt text still gives its link a name.
    expect(await w.panel.getByRole('link', { name: 'The Pro plan' }).getAttribute('href')).toBe(
      `${base}/media/plan.svg`,
    );
    const bare = w.panel.locator('.media.image a').nth(1);
    expect(await bare.getAttribute('aria-label')).toBe('Open link');
    expect(await bare.locator('img').getAttribute('alt')).toBe('');
    expect(await w.panel.locator('.media.video video').getAttribute('src')).toBe(`${base}/media/tour.webm`);
    const audio = w.panel.locator('.media.audio audio');
    expect(await audio.getAttribute('src')).toBe(`${base}/media/chime.wav`);
    expect(await audio.getAttribute('controls')).toBe('');
    const file = w.panel.locator('a.file-link');
    expect(await file.getAttribute('download')).toBe('terms.txt');
    expect(await file.getAttribute('aria-label')).toBe('Download terms.txt');

    // A javascript: URL never becomes a link; the safe one does.
    await w.botSays('A link that must not work').waitFor();
    expect(await w.botSays('A link that must not work').locator('a').count()).toBe(0);
    expect(await w.panel.getByRole('link', { name: 'See pricing' }).getAttribute('href')).toBe(
      'https://acme.example/pricing',
    );

    const cards = w.panel.locator('.carousel .card');
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(0).getByRole('link', { name: 'Details' }).getAttribute('href')).toBe(
      'https://acme.example/starter',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-content.png`, animations: 'disabled' });

    // The form: labelled fields, a required one checked before sending.
    const form = w.composer.locator('form.fields');
    await form.waitFor();
    await form.getByRole('button', { name: 'Submit' }).click();
    expect(await form.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Your name').fill('Ada');
    await form.getByLabel('Company (optional)').fill('Acme');
    await form.getByRole('button', { name: 'Submit' }).click();
    await w.visitorSaid('Ada').waitFor();
    // Screen readers hear who said what: the visitor's own messages start with "You".
    expect(await w.visitorSaid('Ada').locator('.sr-only').textContent()).toBe('You: ');

    const answer = async (type: string, prompt: string, value: string) => {
      await w.botSays(prompt).waitFor();
      const field = w.composer.locator(`input[type="${type}"]`);
      await field.fill(value);
      await field.press('Enter');
    };
    await answer('number', 'How many seats?', '999');
    await w.panel.getByRole('alert').waitFor();
    await answer('number', 'How many seats?', '12');
    await answer('date', 'When do you start?', '2026-12-01');
    await answer('tel', 'Your phone?', '+1 555 010 0200');
    await answer('url', 'Your website?', 'https://ada.example');
    await w.botSays('Thanks Ada: 12 seats from 2026-12-01.').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop-inputs.png`, animations: 'disabled' });
    await context.close();
  });
});
