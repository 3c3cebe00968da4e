import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config';
import { type FakeOpenAiServer, requestText, startFakeOpenAiServer } from '../fakes/openai-server';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';
import { RETURNS_URL, seedKnowledgeBot } from './knowledge-flow';

const at = { x: 0, y: 0 };
const agentFlow = (sourceIds: string[]): FlowDocumentInput => ({
  schemaVersion: 1,
  id: 'agent',
  name: 'Agent',
  blocks: [
    { id: 'start', type: 'start', position: at, data: {} },
    { id: 'agent', type: 'ai_agent', position: at, data: { knowledgeSourceIds: sourceIds } },
    { id: 'human', type: 'human_handoff', position: at, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'agent' },
    { id: 'e2', source: 'agent', sourceHandle: 'handoff', target: 'human' },
  ],
});

describe('AI agent answering from knowledge sources through an OpenAI-compatible server', () => {
  let fake: FakeOpenAiServer;
  const overrides: Partial<Config> = { OPENAI_API_KEY: 'sk-test-knowledge-agent' };
  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    overrides.OPENAI_BASE_URL = fake.baseUrl;
  });
  afterAll(() => fake.close());
  const t = useTestServer('pglite', overrides);

  it('gets the passages found for the visitor message and its reply names the source', async () => {
    const { bot, sourceIds } = await seedKnowledgeBot(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, agentFlow(sourceIds));
    fake.enqueue({ content: 'Refunds are paid back to your original card within 5 business days.' });
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    await visitor.start();
    const sent = await visitor.say('How long do refunds take?');
    const messages = await visitor.settled();
    const reply = messages.find((m) => m.seq > sent.message.seq && m.author === 'bot');
    expect(requestText(fake.requests.at(-1)!.body)).toContain(
      'Refunds are paid back to the original card within 5 business days',
    );
    expect(reply?.content).toEqual({
      type: 'text',
      text: 'Refunds are paid back to your original card within 5 business days.',
      citations: [{ title: 'Returns and refunds', url: RETURNS_URL }],
    });
  });
});
