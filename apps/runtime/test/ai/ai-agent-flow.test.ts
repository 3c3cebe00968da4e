import { describe, expect, it } from 'vitest';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import { requestText } from '../fakes/openai-server';
import { seedWorkspace } from '../fixtures/accounts';
import { flowDocument, start } from '../fixtures/flow-builder';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';

/** A flow start → AI agent → human handoff, driven through the public API like the widget does. */
const agentFlow = flowDocument({
  id: 'agent',
  name: 'AI agent',
  blocks: [
    start(),
    {
      id: 'agent',
      type: 'ai_agent',
      data: {
        instructions: 'You help Acme customers with their orders.',
        knowledge: 'Orders ship within 2 business days. Refunds take 5 days.',
        handoff: { enabled: true, whenToUse: 'The visitor asks for a human', gather: ['email'], autoPriority: true },
      },
    },
    { id: 'human', type: 'human_handoff', data: { confirmationMessage: 'Connecting you now.' } },
  ],
  wires: ['start -> agent', 'agent.handoff -> human'],
});

const texts = (messages: { content: { type: string } }[]) =>
  messages.map((m) => ('text' in m.content ? m.content.text : m.content.type));

async function chatWithAgent(t: ReturnType<typeof useTestServer>) {
  const { bot } = await seedWorkspace(t.current.server.db);
  await publishFlow(t.current.server.db, bot.id, agentFlow);
  const visitor = new TestVisitor(t.current.server.url, bot.id);
  await visitor.start();
  const asked = await turn(visitor, 'I want to talk to a human about my order');
  const handedOff = await turn(visitor, 'It is ada@example.com');
  return { asked, handedOff };
}

/** Sends `text` and waits for the bot to finish (a model's turn runs after the POST answered). */
async function turn(visitor: TestVisitor, text: string) {
  const sent = await visitor.say(text);
  const messages = await visitor.settled();
  const { conversation } = (await visitor.history()).body;
  return { replies: messages.filter((m) => m.seq > sent.message.seq && m.author === 'bot'), conversation };
}

describe('AI agent block with the offline provider', () => {
  const t = useTestServer('pglite');

  it('asks for the email, then hands the conversation to a human', async () => {
    const { asked, handedOff } = await chatWithAgent(t);
    expect(asked.conversation.status).not.toBe('needs_agent');
    expect(texts(asked.replies).join(' ')).toMatch(/email/i);
    expect(handedOff.conversation.status).toBe('needs_agent');
    expect(texts(handedOff.replies).join(' ')).toMatch(/^Connecting you now./);
  });
});

describe('AI agent block through LangChain and an OpenAI-compatible server', () => {
  const openai = fakeOpenAiPerSuite('sk-test-agent');
  const t = useTestServer('pglite', openai.config);

  it('replies with the model text, then follows its human_handoff tool call', async () => {
    openai.fake.enqueue(
      { content: 'Happy to connect you. What is your email address?' },
      {
        toolCalls: [
          { name: 'human_handoff', args: { reason: 'Order question', email: 'ada@example.com', priority: 'urgent' } },
        ],
      },
    );
    const { asked, handedOff } = await chatWithAgent(t);
    expect(texts(asked.replies)).toEqual(['Happy to connect you. What is your email address?']);
    expect(handedOff.conversation.status).toBe('needs_agent');
    expect(texts(handedOff.replies).join(' ')).toMatch(/^Connecting you now./);
    const toolNames = openai.fake.requests[0]?.body.tools?.map((tool) => tool.function.name);
    expect(toolNames).toEqual(['human_handoff']);
    expect(requestText(openai.fake.requests[1]!.body)).toContain('It is ada@example.com');
    // The agent's own priority (it saw the whole chat) is the one agents see, with its reason.
    await expect
      .poll(
        () =>
          t.current.server.db
            .selectFrom('conversations')
            .select(['priority', 'priority_reason'])
            .where('id', '=', handedOff.conversation.id)
            .executeTakeFirstOrThrow(),
        { timeout: 15_000 },
      )
      .toEqual({ priority: 'urgent', priority_reason: 'suggested by the AI agent (Order question)' });
  });
});
