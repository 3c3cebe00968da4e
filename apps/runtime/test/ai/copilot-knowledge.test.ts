import { describe, expect, it } from 'vitest';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import { requestText } from '../fakes/openai-server';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { ask, flowDocument, start } from '../fixtures/flow-builder';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';

const REFUNDS = 'Refunds are paid back to the original card within 5 business days.';
const SHIPPING = 'Orders ship from Berlin within 2 business days.';

/**
 * start → asks the question → human handoff; the AI answer and AI agent blocks only run after a hand
 * back, so their knowledge never shows in the transcript: the suggestion can only get it from the flow.
 */
const flow = flowDocument({
  id: 'copilot',
  name: 'Copilot',
  blocks: [
    start(),
    ask('ask', 'What can we help you with?', 'issue'),
    { id: 'human', type: 'human_handoff', data: {} },
    { id: 'answer', type: 'ai_answer', data: { knowledge: REFUNDS } },
    {
      id: 'agent',
      type: 'ai_agent',
      data: {
        knowledge: SHIPPING,
        handoff: { enabled: false, whenToUse: '', gather: [], autoPriority: false },
      },
    },
    { id: 'bye', type: 'end', data: {} },
  ],
  wires: ['start -> ask -> human', 'human.handed_off -> answer', 'answer.answered -> bye', 'answer.not_found -> agent'],
});

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
  const openai = fakeOpenAiPerSuite('sk-test-copilot');
  const t = useTestServer('pglite', openai.config);

  it('sends the knowledge of the AI answer and AI agent blocks in the prompt', async () => {
    const { id, headers } = await handedOffConversation(t);
    openai.fake.requests.length = 0;
    openai.fake.enqueue({ json: { reply: 'Hi Jane, refunds reach your card within 5 business days.' } });
    const answer = await t.current.call('POST', `/api/inbox/conversations/${id}/suggest-reply`, headers);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      reply: 'Hi Jane, refunds reach your card within 5 business days.',
      provider: 'openai',
    });
    const request = openai.fake.requests.find(
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
    openai.fake.setHandler(() => ({ status: 500 }));
    const answer = await t.current.call('POST', `/api/inbox/conversations/${id}/suggest-reply`, headers);
    openai.fake.setHandler(null);
    expect(answer.status).toBe(200);
    expect(answer.body.provider).toBe('offline');
    expect(answer.body.reply).toContain('5 business days');
  });
});
