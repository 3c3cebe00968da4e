import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config';
import { type FakeOpenAiServer, type FakeReply, startFakeOpenAiServer } from '../fakes/openai-server';
import { seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';

const at = { x: 0, y: 0 };
/** Ask a question → AI answer; a global "talk to a human" trigger → handoff. */
const faqFlow: FlowDocumentInput = {
  schemaVersion: 1,
  id: 'faq',
  name: 'FAQ',
  intents: [{ id: 'human', name: 'Talk to a human', phrases: ['talk to a human', 'real person'] }],
  blocks: [
    { id: 'start', type: 'start', position: at, data: {} },
    { id: 'ask', type: 'capture', position: at, data: { prompt: 'Your question?', inputType: 'text', saveAs: 'q' } },
    { id: 'faq', type: 'ai_answer', position: at, data: { knowledge: 'Pro costs $29 per month.' } },
    { id: 'trigger', type: 'intent_trigger', position: at, data: { intentId: 'human', scope: 'global' } },
    { id: 'human', type: 'human_handoff', position: at, data: { confirmationMessage: 'Connecting you.' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'faq' },
    { id: 'e3', source: 'faq', sourceHandle: 'answered', target: 'ask' },
    { id: 'e4', source: 'faq', sourceHandle: 'not_found', target: 'ask' },
    { id: 'e5', source: 'trigger', sourceHandle: 'next', target: 'human' },
  ],
};

describe('intent matching and the AI answer run side by side', () => {
  let fake: FakeOpenAiServer;
  const overrides: Partial<Config> = { OPENAI_API_KEY: 'sk-test-parallel' };
  // The intent call is answered only once the answer call has arrived: run one after the other, it never would.
  let answerArrived: () => void = () => {};
  let intent: { intentId: string; confidence: number } = { intentId: 'none', confidence: 0.9 };
  let intentGaveUpWaiting = false;
  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    overrides.OPENAI_BASE_URL = fake.baseUrl;
    const arrived = () =>
      new Promise<void>((resolve) => {
        answerArrived = resolve;
      });
    let answerSeen = arrived();
    fake.setHandler(async (req): Promise<FakeReply> => {
      if (req.stream === true) {
        answerArrived();
        return { chunks: ['Pro costs ', '$29 per month.'] };
      }
      const seen = await Promise.race([
        answerSeen.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 5000)),
      ]);
      if (!seen) intentGaveUpWaiting = true;
      answerSeen = arrived();
      return { json: intent };
    });
  });
  afterAll(() => fake.close());
  const t = useTestServer('pglite', overrides);

  async function ask(text: string) {
    const { bot } = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, faqFlow);
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    await visitor.start();
    const from = fake.requests.length;
    const sent = await visitor.say(text);
    const messages = await visitor.settled();
    return { sent, messages, requests: fake.requests.slice(from) };
  }

  it('no intent matches: the answer started beside the matching is the one said, once', async () => {
    intent = { intentId: 'none', confidence: 0.9 };
    const { messages, requests } = await ask('How much is the pro plan?');
    const bot = messages.filter((m) => m.author === 'bot' && m.content.type === 'text');
    expect(bot.map((m) => (m.content.type === 'text' ? m.content.text : ''))).toEqual(['Pro costs $29 per month.']);
    expect(requests.map((r) => (r.body.stream ? 'answer' : 'intent')).sort()).toEqual(['answer', 'intent']);
    // The answer was asked for while the intent call was still open.
    expect(intentGaveUpWaiting).toBe(false);
  });

  it('an intent matches: the started answer is dropped and the flow hands off', async () => {
    intent = { intentId: 'human', confidence: 0.95 };
    const { messages } = await ask('I want a real person');
    const texts = messages.filter((m) => m.author === 'bot' && m.content.type === 'text');
    expect(texts).toHaveLength(1);
    expect(texts[0]?.content).toMatchObject({ text: expect.stringMatching(/^Connecting you\./) });
  });
});
