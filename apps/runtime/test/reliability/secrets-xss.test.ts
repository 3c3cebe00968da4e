import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../fakes/openai-server';
import { loginHeaders, PASSWORD } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { seedEchoBot } from './harness/echo-bot';
import { type RuntimeProcess, spawnRuntime } from './harness/runtime-process';

const OPENAI_KEY = 'sk-test-OPENAI-SECRET-4d2f9a';
const RESEND_KEY = 're_RESEND_SECRET_77b1c0';

/** Classic payloads: script tags, event handlers, javascript: URLs, template and attribute breakouts. */
export const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  "javascript:alert('x')",
  '<a href="javascript:alert(1)">click</a>',
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  '${alert(1)}',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  "';alert(String.fromCharCode(88,83,83))//",
  '<style>@import "//evil.example/x.css";</style>',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

const NOTE = `internal-note-marker <img src=x onerror=alert('note')>`;

/**
 * One runtime process with real-looking API keys and debug logging: the keys, passwords, session and
 * visitor tokens never appear in its logs or in any API answer; hostile text comes back as the same
 * JSON string it went in as, and no HTML page reflects it.
 */
describe('secrets stay secret, hostile text stays text (runtime process, PostgreSQL)', () => {
  let database: TestDatabase;
  let runtime: RuntimeProcess;
  let openai: FakeOpenAiServer;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    openai = await startFakeOpenAiServer();
    runtime = await spawnRuntime({
      databaseUrl: database.config.DATABASE_URL!,
      env: {
        LOG_LEVEL: 'trace',
        OPENAI_API_KEY: OPENAI_KEY,
        OPENAI_BASE_URL: openai.baseUrl,
        RESEND_API_KEY: RESEND_KEY,
        RESEND_BASE_URL: 'http://127.0.0.1:9/',
      },
    });
  });
  afterAll(async () => {
    await runtime?.stop();
    await openai?.close();
    await database?.dispose();
  });

  it('keeps keys, passwords and tokens out of logs and answers; stores and returns hostile text verbatim', async () => {
    const { bot, admin, agent } = await seedEchoBot(database.db);
    const bodies: string[] = [];
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${runtime.url}${path}`, init);
      const text = await response.text();
      bodies.push(text);
      return { status: response.status, text, type: response.headers.get('content-type') ?? '' };
    };
    const adminHeaders = await loginHeaders(runtime.url, admin.email);
    const agentHeaders = await loginHeaders(runtime.url, agent.email);
    await call('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'fetch' },
      body: JSON.stringify({ email: admin.email, password: `${PASSWORD}-wrong` }),
    });

    const visitor = new TestVisitor(runtime.url, bot.id);
    await visitor.start({ visitor: { name: XSS_CORPUS[1] }, variables: { note: XSS_CORPUS[2]! } });
    for (const payload of XSS_CORPUS) {
      const sent = await visitor.say(payload);
      expect(sent.message.content).toEqual({ type: 'text', text: payload });
    }
    const json = { 'content-type': 'application/json' };
    const takeover = await call(`/api/inbox/conversations/${visitor.conversationId}/takeover`, {
      method: 'POST',
      headers: agentHeaders,
    });
    expect(takeover.status).toBe(200);
    const note = await call(`/api/inbox/conversations/${visitor.conversationId}/notes`, {
      method: 'POST',
      headers: { ...agentHeaders, ...json },
      body: JSON.stringify({ text: NOTE }),
    });
    expect(note.status).toBe(201);
    const detail = await call(`/api/inbox/conversations/${visitor.conversationId}`, { headers: agentHeaders });
    expect(detail.type).toContain('application/json');
    for (const payload of XSS_CORPUS) expect(detail.text).toContain(JSON.stringify(payload).slice(1, -1));
    const history = await visitor.history();
    bodies.push(JSON.stringify(history.body));
    expect(JSON.stringify(history.body)).not.toContain('internal-note-marker'); // notes never reach the visitor

    for (const path of [
      '/api/auth/me',
      '/api/admin/bots',
      `/api/admin/bots/${bot.id}`,
      '/api/admin/users',
      '/api/inbox/conversations',
      '/openapi.json',
    ]) {
      const answer = await call(path, { headers: adminHeaders });
      expect(answer.status).toBe(200);
    }
    // HTML pages never reflect request input.
    for (const path of [
      '/docs',
      '/demo',
      '/app/',
      `/demo?bot=${encodeURIComponent(XSS_CORPUS[0]!)}`,
      `/docs?q=${encodeURIComponent(XSS_CORPUS[1]!)}`,
    ]) {
      const page = await call(path);
      expect(page.text).not.toContain('<script>alert(1)</script>');
      expect(page.text).not.toContain('onerror=alert(1)');
    }
    const notFound = await call(`/api/${encodeURIComponent(XSS_CORPUS[0]!)}`);
    expect(notFound.type).toContain('application/json');

    const secrets = {
      openaiKey: OPENAI_KEY,
      resendKey: RESEND_KEY,
      password: PASSWORD,
      adminSession: adminHeaders.cookie.split('=')[1]!,
      agentSession: agentHeaders.cookie.split('=')[1]!,
      argon2: '$argon2',
    };
    const logs = runtime.output();
    expect(logs.length).toBeGreaterThan(1000); // trace logging really ran
    const leaks = Object.entries(secrets).flatMap(([name, secret]) => [
      ...(logs.includes(secret) ? [`${name} in logs`] : []),
      ...(bodies.some((body) => body.includes(secret)) ? [`${name} in a response`] : []),
    ]);
    if (logs.includes(visitor.token)) leaks.push('visitor token in logs');
    console.log(
      `secrets figures: ${Object.keys(secrets).length + 1} secrets checked in ${logs.length} bytes of logs and ${bodies.length} responses; leaks ${leaks.length}`,
    );
    expect(leaks).toEqual([]);
  });
});
