import { beforeAll, describe, expect, it } from 'vitest';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import type { FakeReply } from '../fakes/openai-server';
import { seedWorkspace } from '../fixtures/accounts';
import { ask, flowDocument, start } from '../fixtures/flow-builder';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';

/** Ask a question → AI answer; a global "talk to a human" trigger → handoff. */
const faqFlow = flowDocument({
  id: 'faq',
  name: 'FAQ',
  intents: [{ id: 'human', name: 'Talk to a human', phrases: ['talk to a human', 'real person'] }],
  blocks: [
    start(),
    ask('ask', 'Your question?', 'q'),
    { id: 'faq', type: 'ai_answer', data: { knowledge: 'Pro costs $29 per month.' } },
    { id: 'trigger', type: 'intent_trigger', data: { intentId: 'human', scope: 'global' } },
    { id: 'human', type: 'human_handoff', data: { confirmationMessage: 'Connecting you.' } },
  ],
  wires: ['start -> ask -> faq', 'faq.answered -> ask', 'faq.not_found -> ask', 'trigger -> human'],
});

describe('intent matching and the AI answer run side by side', () => {
  const openai = fakeOpenAiPerSuite('sk-test-parallel');
  // The intent call is answered only once the answer call has arrived: run one after the other, it never would.
  let answerArrived: () => void = () => {};
  let intent: { intentId: string; confidence: number } = { intentId: 'none', confidence: 0.9 };
  let intentGaveUpWaiting = false;
  beforeAll(() => {
    const arrived = () =>
      new Promise<void>((resolve) => {
        answerArrived = resolve;
      });
    let answerSeen = arrived();
    openai.fake.setHandler(async (req): Promise<FakeReply> => {
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
  const t = useTestServer('pglite', openai.config);

  async function ask(text: string) {
    const { bot } = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, faqFlow);
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    await visitor.start();
    const from = openai.fake.requests.length;
    const sent = await visitor.say(text);
    const messages = await visitor.settled();
    return { sent, messages, requests: openai.fake.requests.slice(from) };
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
