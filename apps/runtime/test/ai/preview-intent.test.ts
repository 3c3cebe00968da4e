import { describe, expect, it } from 'vitest';
import { PREVIEW_INTENT_LIMIT_PER_MINUTE } from '../../src/ai-settings/status-routes';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import { requestText } from '../fakes/openai-server';
import { signedInPair } from '../fixtures/accounts';
import { useTestServer } from '../server';

/** POST /api/admin/ai/preview-intent: the builder preview's intent match, by the same provider as a live chat. */

const PATH = '/api/admin/ai/preview-intent';
const intents = [
  { id: 'human', name: 'Talk to a human', phrases: ['I want to talk to a real person', 'connect me with an agent'] },
  { id: 'order_status', name: 'Order status', phrases: ['where is my order', 'track my package', 'shipping status'] },
];

const signIn = (t: ReturnType<typeof useTestServer>) => signedInPair(t.current.server, 'intent');

describe('preview intent without a key (offline provider)', () => {
  const t = useTestServer('pglite', { OPENAI_API_KEY: undefined });

  it("matches as a live chat's offline matcher does, question form included", async () => {
    const { admin } = await signIn(t);
    const parcel = await t.current.call('POST', PATH, admin, { text: 'Where is my parcel?', intents });
    expect(parcel.status).toBe(200);
    expect(parcel.body).toMatchObject({ intentId: 'order_status', provider: 'offline' });
    expect(parcel.body.confidence).toBeGreaterThanOrEqual(0.6);
    // The preview's own word overlap never matched this; the runtime's matcher does.
    const person = await t.current.call('POST', PATH, admin, { text: 'Could I speak with a representative?', intents });
    expect(person.body.intentId).toBe('human');
    const canada = await t.current.call('POST', PATH, admin, { text: 'Do you ship to Canada?', intents });
    expect(canada.body).toMatchObject({ intentId: null, provider: 'offline' });
  });

  it('answers 400 with a message for bad input; agents get 403, anonymous 401', async () => {
    const { admin, agent } = await signIn(t);
    const many = Array.from({ length: 5 }, (_, i) => ({
      id: `i${i}`,
      name: `Intent ${i}`,
      phrases: Array.from({ length: 401 }, (_, n) => `phrase ${n}`),
    }));
    const bad = [
      {},
      { text: '', intents },
      { text: 'hi', intents: [] },
      { text: 'hi', intents: [{ id: 'x' }] },
      { text: 'hi', intents: many },
      { text: 'x'.repeat(2_001), intents },
    ];
    for (const body of bad) {
      const answer = await t.current.call('POST', PATH, admin, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.body.error.message).toEqual(expect.any(String));
    }
    expect(JSON.stringify((await t.current.call('POST', PATH, admin, bad[4])).body.error)).toContain(
      'At most 2000 example phrases in all',
    );
    expect((await t.current.call('POST', PATH, agent, { text: 'hi', intents })).status).toBe(403);
    expect((await t.current.call('POST', PATH, { 'x-requested-with': 'fetch' }, { text: 'hi', intents })).status).toBe(
      401,
    );
  });

  it(`answers 429 past ${PREVIEW_INTENT_LIMIT_PER_MINUTE} matches a minute for one admin`, async () => {
    const { admin } = await signIn(t);
    const body = { text: 'track my package', intents };
    for (let i = 0; i < PREVIEW_INTENT_LIMIT_PER_MINUTE; i++) {
      expect((await t.current.call('POST', PATH, admin, body)).status).toBe(200);
    }
    const refused = await t.current.call('POST', PATH, admin, body);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^Too many preview intent matches; try again in \d+ (s|min)$/);
  });
});

describe('preview intent through an OpenAI-compatible server', () => {
  const openai = fakeOpenAiPerSuite('sk-test-preview-intent');
  const t = useTestServer('pglite', openai.config);

  it("returns the model's match, and the offline one when the model fails", async () => {
    const { admin } = await signIn(t);
    openai.fake.setHandler(() => ({ json: { intentId: 'human', confidence: 0.92 } }));
    const answer = await t.current.call('POST', PATH, admin, { text: 'is anyone there', intents });
    expect(answer.body).toEqual({ intentId: 'human', confidence: 0.92, provider: 'openai' });
    expect(openai.fake.requests).toHaveLength(1);
    expect(requestText(openai.fake.requests[0]!.body)).toContain('is anyone there');

    openai.fake.setHandler(() => ({ status: 500, body: { error: { message: 'down', type: 'server_error' } } }));
    const fallback = await t.current.call('POST', PATH, admin, { text: 'Where is my parcel?', intents });
    expect(fallback.body).toMatchObject({ intentId: 'order_status', provider: 'offline' });
  });
});
