import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
// The runtime's own test helper: a scratch PostgreSQL database, dropped afterwards.
import { createScratchPostgres } from '../../runtime/test/db';
import {
  type FakeOpenAiServer,
  type JsonSchema,
  sampleFromSchema,
  startFakeOpenAiServer,
} from '../../runtime/test/fakes/openai-server';
import { sampleFlow } from '../src/editor/model/test-flow';
import { adminApi } from './support/admin-api';
import { createFlowViaApi } from './support/api';
import { launchBrowser, login, SCREENSHOTS, signInAsAdmin, type TestBrowser, watchConsole } from './support/browser';
import { node, showAllBlocks } from './support/canvas';
import { type Harness, startHarness } from './support/harness';
import { pickChoice } from './support/preview';

const KEY = 'sk-e2e-workspace-key-7f3a';
const MODEL = 'gpt-e2e';
const PROBLEM = 'Written by the fake model: the visitor asked for a person';

let fake: FakeOpenAiServer;
let harness: Harness;
let browser: TestBrowser;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  fake = await startFakeOpenAiServer({
    // Structured answers follow the asked schema; the handoff summary's problem is recognisable.
    handler: (req) => {
      const format = req.response_format?.json_schema;
      if (!format?.schema) return { content: 'Fake assistant reply.' };
      const sample = sampleFromSchema(format.schema as JsonSchema) as object;
      return { json: format.name === 'handoff_summary' ? { ...sample, problem: PROBLEM } : sample };
    },
  });
  [harness, browser] = await Promise.all([
    // A server secret to seal keys with; the fake model listens on loopback, allowed like a model beside the server.
    startHarness({ SECRET_KEY: 'an e2e server secret of at least thirty-two chars', HTTP_BLOCK_ALLOW_PRIVATE: 'true' }),
    launchBrowser(),
  ]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  consoleErrors = watchConsole(page);
  await signInAsAdmin(page, harness);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await fake?.close();
});

const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/ai-settings-${name}.png`, fullPage: true });
const form = () => page.getByRole('form', { name: 'AI settings' });
const providerCard = () => page.getByRole('region', { name: 'AI provider' });
const result = () => form().getByRole('status', { name: 'Connection test' });
const openSettings = async () => {
  await page.goto(`${harness.appUrl}settings/ai`);
  await form().waitFor();
};
const chooseOpenAi = () =>
  form()
    .getByRole('radio', { name: /^OpenAI-compatible endpoint/ })
    .check();
const chatRequestsWithKey = (key: string) => fake.requests.filter((r) => r.headers.authorization === `Bearer ${key}`);

/** Runs the sample flow's preview to its handoff and returns the runtime's summary answer. */
async function previewHandoffSummary(flowId: string) {
  await page.goto(`${harness.appUrl}flows/${flowId}`);
  await node(page, 'menu').waitFor();
  await showAllBlocks(page);
  await page.getByRole('tab', { name: 'Preview' }).click();
  const call = page.waitForResponse((r: Response) => r.url().endsWith('/api/admin/ai/preview-summary'));
  await pickChoice(page, 'Human');
  const answer = await call;
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { summary: string; provider: string };
  await expect.poll(() => page.locator('.preview-handoff-ai-summary').textContent()).toBe(body.summary);
  return body;
}

describe('AI settings', () => {
  it('saves an OpenAI-compatible endpoint that applies at once (no restart), never shows the key, and goes back to offline', async () => {
    onTestFailed(() => shot('failure-save').then(() => undefined));
    const flowId = await createFlowViaApi(page, harness.seeded.botId, 'Sample', sampleFlow());
    expect((await previewHandoffSummary(flowId)).provider).toBe('offline');

    await openSettings();
    await providerCard().getByRole('heading', { name: 'Active provider: Offline NLP' }).waitFor();
    expect(await providerCard().textContent()).toContain("uses the server's environment default");
    expect(
      await form()
        .getByRole('radio', { name: /^Offline NLP \(default\)/ })
        .isChecked(),
    ).toBe(true);
    expect(await form().getByLabel('API key').count()).toBe(0);
    await shot('01-offline-default');

    // The contract's rules and the no-key rule run first: nothing is sent.
    let puts = 0;
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith('/api/admin/ai/settings')) puts++;
    });
    await chooseOpenAi();
    await form().getByLabel('Endpoint URL').fill('ftp://127.0.0.1/v1');
    await form().getByRole('button', { name: 'Save' }).click();
    await form().getByText('Enter an API key: none is saved for this workspace yet').waitFor();
    await form().getByText('The endpoint must be an http or https URL').waitFor();
    expect(await form().getByLabel('API key').getAttribute('aria-invalid')).toBe('true');
    expect(puts).toBe(0);
    await shot('02-invalid');

    await form().getByLabel('API key').fill(KEY);
    await form().getByLabel('Endpoint URL').fill(fake.baseUrl);
    await form().getByLabel('Model').fill(MODEL);
    expect(await form().getByLabel('API key').getAttribute('type')).toBe('password');
    const before = fake.requests.length;
    await form().getByRole('button', { name: 'Test connection' }).click();
    await result().getByText(`Connection OK: Connected: ${MODEL} answered.`).waitFor();
    expect(await result().textContent()).toMatch(/\(\d+ ms\)$/);
    expect(await result().getAttribute('aria-live')).toBe('polite');
    const tested = fake.requests.slice(before);
    expect(tested.map((r) => [r.headers.authorization, r.body.model])).toEqual([[`Bearer ${KEY}`, MODEL]]);
    await shot('03-test-ok');

    await form().getByRole('button', { name: 'Save' }).click();
    await page.getByText('AI settings saved: the endpoint answers from now on.').waitFor();
    await providerCard()
      .getByRole('heading', { name: `Active provider: OpenAI-compatible endpoint (model ${MODEL})` })
      .waitFor();
    expect(puts).toBe(1);

    // After a reload: the key is not in the page, only its last four characters.
    await page.reload();
    await form().getByText('Key saved …7f3a. Leave empty to keep it, or type a new key to replace it.').waitFor();
    expect(await form().getByLabel('API key').inputValue()).toBe('');
    expect(await form().getByLabel('Endpoint URL').inputValue()).toBe(fake.baseUrl);
    expect(await form().getByLabel('Model').inputValue()).toBe(MODEL);
    expect(await page.content()).not.toContain(KEY);
    expect(await providerCard().textContent()).toContain('Saved for this workspace');
    await shot('04-saved-reloaded');

    // No restart: the preview's handoff summary now comes from the fake model, with the saved key and model.
    const sentBefore = chatRequestsWithKey(KEY).length;
    const summary = await previewHandoffSummary(flowId);
    expect(summary.provider).toBe('openai');
    expect(summary.summary).toContain(PROBLEM);
    const sent = chatRequestsWithKey(KEY).slice(sentBefore);
    expect(sent.map((r) => [r.body.model, r.body.response_format?.json_schema?.name])).toContainEqual([
      MODEL,
      'handoff_summary',
    ]);
    await shot('05-preview-summary-from-model');

    // Back to offline: the key is dropped and the next summary is written on the server again.
    await openSettings();
    await form()
      .getByRole('radio', { name: /^Offline NLP/ })
      .check();
    await form().getByRole('button', { name: 'Save' }).click();
    await page.getByText('AI settings saved: offline NLP.').waitFor();
    await providerCard().getByRole('heading', { name: 'Active provider: Offline NLP' }).waitFor();
    await chooseOpenAi();
    await form().getByText('Stored encrypted on the server and never shown again.').waitFor();
    await shot('06-back-offline');
    const requestsBefore = fake.requests.length;
    expect((await previewHandoffSummary(flowId)).provider).toBe('offline');
    expect(fake.requests.length).toBe(requestsBefore);
    expect(consoleErrors).toEqual([]);
  });

  it('a refused test connection shows the reason (never the key); a stale form gets the server 400 beside it', async () => {
    onTestFailed(() => shot('failure-refused').then(() => undefined));
    await openSettings();
    await chooseOpenAi();
    const wrong = 'sk-wrong-e2e-key-0000';
    fake.enqueue({
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${wrong}`, type: 'invalid_request_error' } },
    });
    await form().getByLabel('API key').fill(wrong);
    await form().getByLabel('Endpoint URL').fill(fake.baseUrl);
    await form().getByLabel('Model').fill(MODEL);
    await form().getByRole('button', { name: 'Test connection' }).click();
    await result()
      .getByText(/^Connection failed: The endpoint refused the API key \(HTTP 401\): Incorrect API key/)
      .waitFor();
    expect(await result().textContent()).not.toContain(wrong);
    expect(await result().getAttribute('class')).toContain('failed');
    await shot('07-test-refused');

    // Save a key, then another tab switches the workspace to offline (dropping it): this form still offers to keep
    // the saved key, and the server's own words say why it cannot.
    await form().getByLabel('API key').fill(KEY);
    await form().getByRole('button', { name: 'Save' }).click();
    await form().getByText('Key saved …7f3a.', { exact: false }).waitFor();
    await adminApi(page, 'PUT', '/api/admin/ai/settings', { provider: 'offline' });
    await form().getByLabel('Model').fill('gpt-other');
    await form().getByRole('button', { name: 'Save' }).click();
    const alert = form().getByRole('alert');
    await alert.getByText('Enter an API key: none is saved for this workspace yet').waitFor();
    await shot('08-server-400');
    const expected = consoleErrors.filter((e) => /^400 PUT .*\/api\/admin\/ai\/settings$/.test(e));
    expect(expected).toHaveLength(1);
    expect(consoleErrors.filter((e) => !expected.includes(e))).toEqual([]);
  });

  it('on PostgreSQL without SECRET_KEY the page says keys cannot be stored and the key field is disabled', async () => {
    const scratch = await createScratchPostgres();
    const bare = await startHarness({ DATABASE_URL: scratch.url, HTTP_BLOCK_ALLOW_PRIVATE: 'true' });
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchConsole(other);
    try {
      await login(other, bare.appUrl, bare.seeded.admin.email, bare.seeded.admin.password);
      await other.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
      await other.goto(`${bare.appUrl}settings/ai`);
      const note = other.getByRole('region', { name: 'AI provider' }).getByRole('note');
      await note.getByText(/This server cannot store API keys/).waitFor();
      expect(await note.textContent()).toContain('set SECRET_KEY (32 characters or more)');
      const settings = other.getByRole('form', { name: 'AI settings' });
      await settings.getByRole('radio', { name: /^OpenAI-compatible endpoint/ }).check();
      expect(await settings.getByLabel('API key').isDisabled()).toBe(true);
      await settings.getByRole('button', { name: 'Save' }).click();
      await settings.getByText('This server cannot store API keys until SECRET_KEY is set').waitFor();
      await other.screenshot({ path: `${SCREENSHOTS}/ai-settings-09-no-server-secret.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await other.close();
      await bare.close();
      await scratch.drop();
    }
  });
});
