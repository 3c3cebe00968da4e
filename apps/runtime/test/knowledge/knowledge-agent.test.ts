import { describe, expect, it } from 'vitest';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import { requestText } from '../fakes/openai-server';
import { flowDocument, start } from '../fixtures/flow-builder';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';
import { RETURNS_URL, seedKnowledgeBot } from './knowledge-flow';

const agentFlow = (sourceIds: string[]) =>
  flowDocument({
    id: 'agent',
    name: 'Agent',
    blocks: [
      start(),
      { id: 'agent', type: 'ai_agent', data: { knowledgeSourceIds: sourceIds } },
      { id: 'human', type: 'human_handoff', data: {} },
    ],
    wires: ['start -> agent', 'agent.handoff -> human'],
  });

describe('AI agent answering from knowledge sources through an OpenAI-compatible server', () => {
  const openai = fakeOpenAiPerSuite('sk-test-knowledge-agent');
  const t = useTestServer('pglite', openai.config);

  it('gets the passages found for the visitor message and its reply names the source', async () => {
    const { bot, sourceIds } = await seedKnowledgeBot(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, agentFlow(sourceIds));
    openai.fake.enqueue({ content: 'Refunds are paid back to your original card within 5 business days.' });
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    await visitor.start();
    const sent = await visitor.say('How long do refunds take?');
    const messages = await visitor.settled();
    const reply = messages.find((m) => m.seq > sent.message.seq && m.author === 'bot');
    expect(requestText(openai.fake.requests.at(-1)!.body)).toContain(
      'Refunds are paid back to the original card within 5 business days',
    );
    expect(reply?.content).toEqual({
      type: 'text',
      text: 'Refunds are paid back to your original card within 5 business days.',
      citations: [{ title: 'Returns and refunds', url: RETURNS_URL }],
    });
  });
});

describe('AI agent answering from knowledge sources offline (no key)', () => {
  const t = useTestServer('pglite', { OPENAI_API_KEY: undefined });

  it('quotes the passage that answers, as an AI answer block does, and names its source', async () => {
    const { bot, sourceIds } = await seedKnowledgeBot(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, agentFlow(sourceIds));
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    await visitor.start();
    // The joined passages scored under the offline answer's threshold here, and the agent said it did not know.
    const sent = await visitor.say('How long do refunds take?');
    const messages = await visitor.settled();
    const reply = messages.find((m) => m.seq > sent.message.seq && m.author === 'bot');
    expect(reply?.content).toEqual({
      type: 'text',
      text: 'Refunds are paid back to the original card within 5 business days after we receive the parcel.',
      citations: [{ title: 'Returns and refunds', url: RETURNS_URL }],
    });
  });
});
