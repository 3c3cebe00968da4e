import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config';
import { type FakeOpenAiServer, requestText, startFakeOpenAiServer } from '../fakes/openai-server';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';

const REFUNDS = 'Refunds are paid back to the original card within 5 business days.';
const SHIPPING = 'Orders ship from Berlin within 2 business days.';

/**
 * start → asks the question → human handoff; the AI answer and AI agent blocks only run after a hand
 * back, so their knowledge never shows in the transcript: the suggestion can only get it from the flow.
 */
const at = { x: 0, y: 0 };
const flow: FlowDocumentInput = {
  schemaVersion: 1,
  id: 'copilot',
  name: 'Copilot',
  blocks: [
    { id: 'start', type: 'start', position: at, data: {} },
    {
      id: 'ask',
      type: 'capture',
      position: at,
      data: { prompt: 'What can we help you with?', inputType: 'text', saveAs: 'issue' },
    },
    { id: 'human', type: 'human_handoff', position: at, data: {} },
    { id: 'answer', type: 'ai_answer', position: at, data: { knowledge: REFUNDS } },
    {
      id: 'agent',
      type: 'ai_agent',
      position: at,
      data: {
        knowledge: SHIPPING,
        handoff: { enabled: false, whenToUse: '', gather: [], autoPriority: false },
      },
    },
    { id: 'bye', type: 'end', position: at, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'human' },
    { id: 'e3', source: 'human', sourceHandle: 'handed_off', target: 'answer' },
    { id: 'e4', source: 'answer', sourceHandle: 'answered', target: 'bye' },
    { id: 'e5', source: 'answer', sourceHandle: 'not_found', target: 'agent' },
  ],
};

async function handedOffConversation(t: ReturnType<typeof useTestServer>) {
  const { bot, admin } = await seedWorkspace(t.current.server.db);
  await publishFlow(t.current.server.db, bot.id, flow);
  const visitor = new TestVisitor(t.current.server.url, bot.id);
  await visitor.start();
  const asked = await visitor.say('How long do refunds take to reach my card?');
  expect(asked.conversation.status).toBe('needs_agent');
  await t.current.server.services.background.idle();
  const history = JSON.stringify((await visitor.history()).body);
  expect(history).not.toContain('5 business days');
  return { id: visitor.conversationId, headers: await loginHeaders(t.current.server.url, admin.email) };
}

describe('suggested reply with the offline provider', () => {
  const t = useTestServer('pglite');

  it("answers the visitor's question from the flow's knowledge", async () => {
    const { id, headers } = await handedOffConversation(t);
    const answer = await t.current.call('POST', `/api/inbox/conversations/${id}/suggest-reply`, headers);
    expect(answer.status).toBe(200);
    expect(answer.body.provider).toBe('offline');
    expect(answer.body.reply).toContain('5 business days');
  });
});

describe('suggested reply through LangChain and an OpenAI-compatible server', () => {
  let fake: FakeOpenAiServer;
  const overrides: Partial<Config> = { OPENAI_API_KEY: 'sk-test-copilot' };
  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    overrides.OPENAI_BASE_URL = fake.baseUrl;
  });
  afterAll(() => fake.close());
  const t = useTestServer('pglite', overrides);

  it('sends the knowledge of the AI answer and AI agent blocks in the prompt', async () => {
    const { id, headers } = await handedOffConversation(t);
    fake.requests.length = 0;
    fake.enqueue({ json: { reply: 'Hi Jane, refunds reach your card within 5 business days.' } });
    const answer = await t.current.call('POST', `/api/inbox/conversations/${id}/suggest-reply`, headers);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      reply: 'Hi Jane, refunds reach your card within 5 business days.',
      provider: 'openai',
    });
    const request = fake.requests.find(
      (recorded) => recorded.body.response_format?.json_schema?.name === 'suggested_reply',
    );
    expect(request).toBeDefined();
    const prompt = requestText(request!.body);
    expect(prompt).toContain(REFUNDS);
    expect(prompt).toContain(SHIPPING);
    expect(prompt).toContain('How long do refunds take to reach my card?');
  });

  it('says offline when the model fails and the offline provider writes the draft', async () => {
    const { id, headers } = await handedOffConversation(t);
    fake.setHandler(() => ({ status: 500 }));
    const answer = await t.current.call('POST', `/api/inbox/conversations/${id}/suggest-reply`, headers);
    fake.setHandler(null);
    expect(answer.status).toBe(200);
    expect(answer.body.provider).toBe('offline');
    expect(answer.body.reply).toContain('5 business days');
  });
});
