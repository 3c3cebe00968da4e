import { describe, expect, it } from 'vitest';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import { requestText } from '../fakes/openai-server';
import { signedInPair } from '../fixtures/accounts';
import { type JsonAnswer, useTestServer } from '../server';

/** POST /api/admin/ai/preview-summary: the builder preview's handoff summary, from the same AI calls as a handoff. */

const PATH = '/api/admin/ai/preview-summary';
const transcript = [
  { author: 'bot', text: 'Hi! How can I help?' },
  { author: 'visitor', text: 'I was charged twice for order 48213 and my refund never arrived.' },
  { author: 'bot', text: 'Let me get a human for you.' },
];

const signIn = (t: ReturnType<typeof useTestServer>) => signedInPair(t.current.server, 'preview');

async function countRows(t: ReturnType<typeof useTestServer>) {
  const { db } = t.current.server;
  const [conversations, messages, events] = await Promise.all([
    db.selectFrom('conversations').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('messages').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('events').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { conversations: Number(conversations.n), messages: Number(messages.n), events: Number(events.n) };
}

const errorText = (answer: JsonAnswer) => JSON.stringify(answer.body.error);

describe('preview summary without a key (offline provider)', () => {
  const t = useTestServer('pglite', { OPENAI_API_KEY: undefined });

  it('summarizes the visitor’s problem and rates it when the AI decides, writing nothing', async () => {
    const { admin } = await signIn(t);
    const before = await countRows(t);
    const answer = await t.current.call('POST', PATH, admin, {
      transcript,
      variables: { name: 'Sam', order: '48213' },
      priorityMode: 'ai',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.provider).toBe('offline');
    expect(answer.body.summary).toMatch(/charged twice|refund/i);
    expect(answer.body.summary).toContain('48213');
    expect(answer.body.priority).toMatchObject({ priority: expect.stringMatching(/high|urgent/) });
    expect(answer.body.priority.reason).toEqual(expect.any(String));
    expect(await countRows(t)).toEqual(before);

    const fixed = await t.current.call('POST', PATH, admin, { transcript });
    expect(fixed.status).toBe(200);
    expect(fixed.body.priority).toBeNull();
  });

  it('uses the AI agent’s suggested priority, as a live handoff does', async () => {
    const { admin } = await signIn(t);
    const answer = await t.current.call('POST', PATH, admin, {
      transcript,
      variables: { ai_handoff_priority: 'urgent', ai_handoff_reason: 'Double charge' },
      priorityMode: 'ai',
    });
    expect(answer.body.priority).toEqual({ priority: 'urgent', reason: 'suggested by the AI agent (Double charge)' });
  });

  it('answers 400 with a message for bad input', async () => {
    const { admin } = await signIn(t);
    const bad = [
      {},
      { transcript: 'hello' },
      { transcript: [{ author: 'system', text: 'x' }] },
      { transcript: [{ author: 'visitor' }] },
      { transcript: Array.from({ length: 201 }, () => ({ author: 'visitor', text: 'hi' })) },
      { transcript: Array.from({ length: 6 }, () => ({ author: 'visitor', text: 'x'.repeat(3_900) })) },
      { transcript, priorityMode: 'sometimes' },
    ];
    for (const body of bad) {
      const answer = await t.current.call('POST', PATH, admin, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.body.error.message).toEqual(expect.any(String));
    }
    expect(errorText(await t.current.call('POST', PATH, admin, bad[4]))).toContain('At most 200 transcript lines');
    expect(errorText(await t.current.call('POST', PATH, admin, bad[5]))).toContain('at most 20000 characters');
  });

  it('is for those who edit flows: admins; agents get 403, anonymous 401', async () => {
    const { agent } = await signIn(t);
    const asAgent = await t.current.call('POST', PATH, agent, { transcript });
    expect(asAgent.status).toBe(403);
    const anonymous = await t.current.call('POST', PATH, { 'x-requested-with': 'fetch' }, { transcript });
    expect(anonymous.status).toBe(401);
  });

  it('answers 429 with Retry-After past 30 summaries a minute for one admin', async () => {
    const { admin } = await signIn(t);
    const short = { transcript: [{ author: 'visitor', text: 'Where is my order?' }] };
    for (let i = 0; i < 30; i++) expect((await t.current.call('POST', PATH, admin, short)).status).toBe(200);
    const response = await t.current.request(PATH, { method: 'POST', headers: admin, json: short });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another admin has their own budget.
    expect((await t.current.call('POST', PATH, (await signIn(t)).admin, short)).status).toBe(200);
  });

  it('is documented in OpenAPI with its error responses', async () => {
    const doc = (await (await t.current.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const op = doc.paths[PATH]?.post;
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '429']);
  });
});

/** A structured summary as the model answers it. */
const modelSummary = (problem: string) => ({
  problem,
  botTried: [],
  details: [],
  tone: 'calm',
  nextStep: 'Refund it.',
});

describe('preview summary through an OpenAI-compatible server', () => {
  const openai = fakeOpenAiPerSuite('sk-test-preview');
  const t = useTestServer('pglite', openai.config);

  it('sends the transcript in the prompt and returns the model’s summary and priority', async () => {
    const { admin } = await signIn(t);
    openai.fake.setHandler((req) =>
      req.response_format?.json_schema?.name === 'priority'
        ? { json: { priority: 'high', reason: 'Double charge (model)' } }
        : { json: modelSummary('MODEL SUMMARY: Sam was charged twice for order 48213.') },
    );
    const answer = await t.current.call('POST', PATH, admin, { transcript, priorityMode: 'ai' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      summary: 'MODEL SUMMARY: Sam was charged twice for order 48213.\nTone: calm.\nNext step: Refund it.',
      priority: { priority: 'high', reason: 'Double charge (model)' },
      provider: 'openai',
    });
    expect(openai.fake.requests).toHaveLength(2);
    for (const request of openai.fake.requests) {
      expect(requestText(request.body)).toContain('I was charged twice for order 48213');
    }
  });

  it('falls back to the offline summary when the model fails', async () => {
    const { admin } = await signIn(t);
    openai.fake.setHandler(() => ({ status: 500, body: { error: { message: 'down', type: 'server_error' } } }));
    const answer = await t.current.call('POST', PATH, admin, { transcript });
    expect(answer.status).toBe(200);
    expect(answer.body.summary).toContain('48213');
    expect(answer.body.summary).not.toContain('MODEL SUMMARY');
    expect(answer.body.provider).toBe('offline');
  });

  it('says offline when only the priority fell back, and openai for a model summary beside the agent’s priority', async () => {
    const { admin } = await signIn(t);
    openai.fake.setHandler((req) =>
      req.response_format?.json_schema?.name === 'priority'
        ? { status: 500 }
        : { json: modelSummary('MODEL SUMMARY: double charge.') },
    );
    const partly = await t.current.call('POST', PATH, admin, { transcript, priorityMode: 'ai' });
    expect(partly.body.summary).toBe('MODEL SUMMARY: double charge.\nTone: calm.\nNext step: Refund it.');
    expect(partly.body.priority.priority).toMatch(/high|urgent/);
    expect(partly.body.provider).toBe('offline');

    openai.fake.requests.length = 0;
    const suggested = await t.current.call('POST', PATH, admin, {
      transcript,
      priorityMode: 'ai',
      variables: { ai_handoff_priority: 'low' },
    });
    expect(suggested.body).toMatchObject({ priority: { priority: 'low' }, provider: 'openai' });
    expect(openai.fake.requests).toHaveLength(1);
  });
});
