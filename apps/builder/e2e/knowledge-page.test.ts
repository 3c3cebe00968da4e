import type { RunningServer } from '@flowdesk/runtime';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type HostPage, startHostPage } from '../../widget/e2e/host-page';
import { login as apiLogin } from '../../widget/e2e/runtime-api';
import { widget } from '../../widget/e2e/widget-page';
import { aiAnswerFlow, askAboutRefunds, botWithFlow } from '../../widget/e2e/working-flows';
import { launchBrowser, login, SCREENSHOTS, type TestBrowser, watchConsole } from './support/browser';
import { startHelpSite } from './support/help-site';
import { DEMO_ADMIN as ADMIN, type LiveRuntime, signInAsDemoAgent, startLiveRuntime } from './support/live-runtime';

let live: LiveRuntime;
let runtime: RunningServer;
let browser: TestBrowser;
let page: Page;
let site: Awaited<ReturnType<typeof startHelpSite>>;
let host: HostPage | undefined;
let consoleErrors: string[];

beforeAll(async () => {
  [live, site, browser] = await Promise.all([
    startLiveRuntime({ HTTP_BLOCK_ALLOW_PRIVATE: 'true' }),
    startHelpSite(),
    launchBrowser(),
  ]);
  runtime = live.runtime;
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  consoleErrors = watchConsole(page);
  await login(page, `${runtime.url}/app/`, ADMIN.email, ADMIN.password);
  await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await site?.close();
  await live?.close();
});

const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/knowledge-page-${name}.png`, fullPage: true });
const card = (title: string): Locator => page.getByRole('article', { name: title, exact: true });
const form = (name: string) => page.getByRole('form', { name });

describe('the Knowledge page', () => {
  it('adds a local help site, follows its indexing live, lists the failing page, and the widget cites a page', async () => {
    onTestFailed(() => shot('failure-site').then(() => undefined));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge' }).click();
    await page.getByRole('heading', { name: 'Knowledge', level: 1 }).waitFor();
    await shot('01-page');

    // The contract's own rules run first: nothing is sent for an ftp URL.
    const website = form('Add a website');
    await website.getByLabel('URL').fill('ftp://help.example');
    await website.getByRole('button', { name: 'Add website' }).click();
    await website.getByText('Only http and https URLs can be indexed').waitFor();
    expect(await website.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    await shot('02-invalid-url');

    await website.getByLabel('URL').fill(`${site.origin}/`);
    await website.getByLabel('Title').fill('Help site');
    await website.getByLabel('The whole site').check();
    await website.getByLabel('Max pages').fill('20');
    await website.getByLabel('Max link depth').fill('2');
    await website.getByLabel('Refresh').selectOption('weekly');
    await website.getByRole('button', { name: 'Add website' }).click();

    // Two pages read, the third (slow) still loading: the bar shows 2 of 5.
    const help = card('Help site');
    await help.getByText('Indexing: 2 of 5 pages read').waitFor();
    const bar = help.getByRole('progressbar', { name: 'Indexing progress of Help site' });
    expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual(['2', '5']);
    expect(await help.getByRole('button', { name: 'Re-index' }).isDisabled()).toBe(true);
    await shot('03-indexing');

    site.release();
    await help.getByText('Ready, 1 item could not be indexed').waitFor();
    expect(await bar.count()).toBe(0);
    const failures = help.getByRole('list', { name: 'Could not be indexed' });
    expect(await failures.getByRole('listitem').allTextContents()).toEqual([`${site.origin}/missingHTTP 404`]);
    expect(await help.getByRole('link', { name: `${site.origin}/` }).getAttribute('href')).toBe(`${site.origin}/`);
    const facts = await help.locator('.kb-facts').textContent();
    expect(facts).toMatch(/^Passages[1-9]\d*Last indexed(?!Not yet)\S.*RefreshEvery week · next \S/);
    await shot('04-ready-with-failure');

    // Re-index: the page follows the new crawl too, until it settles again.
    site.hold();
    await help.getByRole('button', { name: 'Re-index' }).click();
    await help.getByText('Indexing: 2 of 5 pages read').waitFor();
    site.release();
    await help.getByText('Ready, 1 item could not be indexed').waitFor();

    // A visitor asks the published bot; the answer cites the returns page with its link.
    const sourceId = await page.evaluate(async () => {
      const response = await fetch('/api/admin/knowledge', { headers: { 'X-Requested-With': 'flowdesk' } });
      const { sources } = (await response.json()) as { sources: { id: string; title: string }[] };
      return sources.find((s) => s.title === 'Help site')?.id ?? '';
    });
    // Everything settled: the page stops asking (none of its list calls while the visitor chats, a few seconds).
    let polls = 0;
    page.on('request', (request) => {
      if (request.method() === 'GET' && new URL(request.url()).pathname.startsWith('/api/admin/knowledge')) polls++;
    });
    const flow = aiAnswerFlow();
    const answerBlock = flow.blocks.find((block) => block.id === 'answer')!;
    answerBlock.data = { knowledge: '', knowledgeSourceIds: [sourceId] } as typeof answerBlock.data;
    const admin = await apiLogin(runtime.url, ADMIN.email, ADMIN.password);
    host = await startHostPage({ runtimeUrl: runtime.url, botId: await botWithFlow(runtime.url, admin, 'Help', flow) });
    const visitor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await visitor.goto(host.url);
    const answer = await askAboutRefunds(widget(visitor));
    const link = answer.getByRole('link', { name: 'Returns and refunds' });
    expect(await link.getAttribute('href')).toBe(`${site.origin}/returns`);
    await visitor.screenshot({ path: `${SCREENSHOTS}/knowledge-page-05-widget-answer.png` });
    await visitor.close();
    expect(polls).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('uploads a file, refuses a wrong type, a too large and an empty file in plain words, and deletes after asking', async () => {
    onTestFailed(() => shot('failure-files').then(() => undefined));
    await page.getByRole('tab', { name: 'File' }).click();
    const upload = form('Upload a file');
    const file = upload.getByLabel('File', { exact: true });
    const send = upload.getByRole('button', { name: 'Upload file' });

    await file.setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await send.click();
    await upload.getByText('Upload a PDF, DOCX, Markdown, HTML or TXT file').waitFor();

    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    await file.setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: big });
    await send.click();
    await upload.getByText('big.txt is larger than 10 MB').waitFor();
    await shot('06-file-too-large');

    // The server's own 400 words, shown beside the form.
    await file.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await send.click();
    await upload.getByRole('alert', { name: 'Problems with the file' }).getByText('empty.txt is empty').waitFor();
    consoleErrors.splice(
      0,
      consoleErrors.length,
      ...consoleErrors.filter((e) => !/^400 POST .*\/api\/admin\/knowledge\/files\?name=empty\.txt$/.test(e)),
    );

    const markdown = '# Warranty\n\nEvery kettle has a warranty of two years. Keep the receipt.';
    await file.setInputFiles({ name: 'warranty.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
    await upload.getByLabel('Title').fill('Warranty <b>terms</b>');
    await send.click();
    const warranty = card('Warranty <b>terms</b>');
    await warranty.getByText('Ready', { exact: true }).first().waitFor();
    expect(await upload.getByRole('alert').count()).toBe(0);
    // A title is text: its markup made no element.
    expect(await warranty.locator('b').count()).toBe(0);
    expect(await warranty.locator('.kb-facts').textContent()).toMatch(/^Passages1Last indexed/);
    await shot('07-file-ready');

    // A file the server cannot read: failed, naming the file and why.
    await file.setInputFiles({ name: 'manual.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 cut') });
    await send.click();
    const manual = card('manual.pdf');
    await manual.getByText('Failed: nothing could be indexed').waitFor();
    const failed = await manual.getByRole('list', { name: 'Could not be indexed' }).getByRole('listitem').textContent();
    expect(failed).toMatch(/^manual\.pdfcould not be read as PDF/);
    await shot('07b-file-failed');

    await warranty.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete knowledge source' });
    await dialog.getByText('Delete Warranty <b>terms</b> and its 1 passage?').waitFor();
    await shot('08-delete-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await warranty.count()).toBe(1);
    await warranty.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete source' }).click();
    await expect.poll(() => warranty.count()).toBe(0);
    await page.reload();
    await card('Help site').waitFor();
    expect(await card('Warranty <b>terms</b>').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('adds Q&A pairs (empty rows refused first) and a text with its link', async () => {
    onTestFailed(() => shot('failure-qa').then(() => undefined));
    await page.getByRole('tab', { name: 'Q&A' }).click();
    const qa = form('Add questions and answers');
    await qa.getByLabel('Title').fill('Shipping FAQ');
    await qa.getByLabel('Question 1', { exact: true }).fill('Do you ship abroad?');
    await qa.getByRole('button', { name: 'Add a question' }).click();
    await qa.getByRole('button', { name: 'Add questions' }).click();
    await qa.getByText('Fill this in').first().waitFor();
    expect(await qa.getByText('Fill this in').count()).toBe(3); // answer 1, question 2, answer 2
    await shot('09-qa-invalid');
    await qa.getByLabel('Answer 1', { exact: true }).fill('Yes, to every EU country.');
    await qa.getByRole('button', { name: 'Remove question 2' }).click();
    await qa.getByRole('button', { name: 'Add questions' }).click();
    await card('Shipping FAQ').getByText('Ready', { exact: true }).first().waitFor();
    expect(await qa.getByLabel('Title').inputValue()).toBe('');

    await page.getByRole('tab', { name: 'Text' }).click();
    const text = form('Add a text');
    await text.getByLabel('Title').fill('Opening hours');
    await text.getByLabel('Text', { exact: true }).fill('We answer chats from 9:00 to 17:00 on weekdays.');
    await text.getByLabel('Link (optional)').fill('https://acme.example/hours');
    await text.getByRole('button', { name: 'Add text' }).click();
    const hours = card('Opening hours');
    await hours.getByText('Ready', { exact: true }).first().waitFor();
    expect(await hours.getByRole('link', { name: 'https://acme.example/hours' }).getAttribute('rel')).toContain(
      'noopener',
    );
    await shot('10-all-sources');
    expect(consoleErrors).toEqual([]);
  });

  it('edits Q&A pairs in place: the saved pairs come back, a change is indexed again, Cancel keeps them', async () => {
    onTestFailed(() => shot('failure-edit').then(() => undefined));
    const faq = card('Shipping FAQ');
    await faq.getByRole('button', { name: 'Edit Shipping FAQ' }).click();
    await page.getByRole('heading', { name: 'Edit “Shipping FAQ”' }).waitFor();
    const edit = form('Edit the questions and answers');
    expect(await edit.getByLabel('Question 1', { exact: true }).inputValue()).toBe('Do you ship abroad?');
    expect(await edit.getByLabel('Answer 1', { exact: true }).inputValue()).toBe('Yes, to every EU country.');
    await edit.getByLabel('Answer 1', { exact: true }).fill('Yes, to every EU country and to Canada.');
    await edit.getByRole('button', { name: 'Add a question' }).click();
    await edit.getByLabel('Question 2', { exact: true }).fill('Is shipping free?');
    await edit.getByLabel('Answer 2', { exact: true }).fill('Shipping is free above 50 euros.');
    await shot('11-edit-qa');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved “Shipping FAQ”; indexing again').waitFor();
    // Back to adding; the card counts the new pair once indexed.
    await page.getByRole('heading', { name: 'Add a source' }).waitFor();
    await expect.poll(() => faq.locator('.kb-facts dd').first().textContent(), { timeout: 15_000 }).toBe('2');
    const stored = await runtime.db
      .selectFrom('knowledge_chunks' as never)
      .select('content' as never)
      .execute();
    expect(JSON.stringify(stored)).toContain('to Canada');

    // Cancel leaves it as saved.
    await faq.getByRole('button', { name: 'Edit Shipping FAQ' }).click();
    const again = form('Edit the questions and answers');
    expect(await again.getByLabel('Question 2', { exact: true }).inputValue()).toBe('Is shipping free?');
    await again.getByLabel('Question 2', { exact: true }).fill('Changed my mind');
    await again.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Add a source' }).waitFor();
    await faq.getByRole('button', { name: 'Edit Shipping FAQ' }).click();
    expect(await form('Edit the questions and answers').getByLabel('Question 2', { exact: true }).inputValue()).toBe(
      'Is shipping free?',
    );
    await form('Edit the questions and answers').getByRole('button', { name: 'Cancel' }).click();
    expect(consoleErrors).toEqual([]);
  });

  it('a source deleted in another tab: Delete and Re-index drop its card, a save keeps the typed changes', async () => {
    onTestFailed(() => shot('failure-gone').then(() => undefined));
    const another = (method: string, path: string, body?: unknown) =>
      page.evaluate(
        async ([method, path, body]) => {
          const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'flowdesk' };
          const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
          return (await response.json()) as { id: string };
        },
        [method, path, body] as const,
      );
    const add = (title: string) => another('POST', '/api/admin/knowledge', { kind: 'text', title, text: `${title}.` });
    const [first, second] = [await add('Gone policy'), await add('Gone hours')];
    await page.reload();
    await card('Gone hours').getByText('Ready', { exact: true }).first().waitFor();

    await another('DELETE', `/api/admin/knowledge/${first.id}`);
    await card('Gone policy').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete source' }).click();
    await page.getByText('Deleted “Gone policy”').waitFor();
    await card('Gone policy').waitFor({ state: 'detached' });
    expect(await page.getByRole('dialog').count()).toBe(0);

    await card('Gone hours').getByRole('button', { name: 'Edit Gone hours' }).click();
    const edit = form('Edit the text');
    await edit.getByLabel('Text', { exact: true }).fill('Open until 20:00 on Fridays.');
    await another('DELETE', `/api/admin/knowledge/${second.id}`);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('This source was deleted meanwhile', { exact: false }).waitFor();
    expect(await edit.getByLabel('Text', { exact: true }).inputValue()).toBe('Open until 20:00 on Fridays.');
    await shot('12-gone-while-editing');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await card('Gone hours').getByRole('button', { name: 'Re-index' }).click();
    await page.getByText('“Gone hours” was already deleted').waitFor();
    await card('Gone hours').waitFor({ state: 'detached' });
    consoleErrors.length = 0; // the 404 answers are the point here
  });

  it('on a phone, Edit brings the edit form into view (it sits below every source) and focus with it', async () => {
    onTestFailed(() => shot('failure-phone-edit').then(() => undefined));
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      await card('Shipping FAQ').getByRole('button', { name: 'Edit Shipping FAQ' }).click();
      const heading = page.getByRole('heading', { name: 'Edit “Shipping FAQ”' });
      await heading.waitFor();
      // At the top of the screen with the form below it: not off screen, nor left at the bottom edge.
      const inTopHalf = (h: HTMLElement) =>
        h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().bottom <= window.innerHeight / 2;
      await expect.poll(() => heading.evaluate(inTopHalf)).toBe(true);
      await form('Edit the questions and answers').getByLabel('Title').waitFor();
      expect(await heading.evaluate((h) => document.activeElement === h)).toBe(true);
      await shot('13-phone-edit');
      await form('Edit the questions and answers').getByRole('button', { name: 'Cancel' }).click();
    } finally {
      await page.setViewportSize({ width: 1440, height: 1000 });
    }
  });

  it('an agent has no Knowledge entry and is told the page is not for their role', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const agent = await context.newPage();
    await signInAsDemoAgent(agent, runtime.url);
    const nav = agent.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Knowledge' }).count()).toBe(0);
    await agent.goto(`${runtime.url}/app/knowledge`);
    await agent.getByRole('heading', { name: 'Not available for your role' }).waitFor();
    await agent.screenshot({ path: `${SCREENSHOTS}/knowledge-page-11-agent.png` });
    await context.close();
  });
});
