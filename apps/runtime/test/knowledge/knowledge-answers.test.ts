import type { MessageContent } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../db';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import { requestText } from '../fakes/openai-server';
import { useTestServer } from '../server';
import { askBot, RETURNS_URL, replyText, seedKnowledgeBot } from './knowledge-flow';

type Reply = { content: MessageContent };
const citationsOf = (reply: Reply | undefined) =>
  reply?.content.type === 'text' ? (reply.content.citations ?? []) : [];

describe.each(databaseKinds)('AI answer from knowledge sources, offline provider (%s)', (kind) => {
  const t = useTestServer(kind);

  it('answers an answerable question in readable sentences and cites the page with its link', async () => {
    const { bot } = await seedKnowledgeBot(t.current.server.db);
    const { replies, conversation } = await askBot(t.current.server.url, bot.id, 'How long do refunds take?');
    const answer = replyText(replies[0]);
    expect(answer).toMatch(/Refunds are paid back to the original card within 5 business days/);
    // Whole sentences of prose: no markdown heading, bullet, emphasis or link syntax.
    expect(answer).not.toMatch(/[#*[\]]|^- |\n- /);
    expect(answer).toMatch(/\.$/);
    expect(citationsOf(replies[0])).toEqual([{ title: 'Returns and refunds', url: RETURNS_URL }]);
    expect(conversation.status).not.toBe('needs_agent');
  });

  it('cites a Q&A source by its title (it has no link)', async () => {
    const { bot } = await seedKnowledgeBot(t.current.server.db);
    const { replies } = await askBot(t.current.server.url, bot.id, 'How long does shipping take to arrive?');
    expect(replyText(replies[0])).toMatch(/three working days/);
    expect(citationsOf(replies[0])).toEqual([{ title: 'How long does shipping take?' }]);
  });

  it('an unanswerable question takes the not-found path: handoff, and nothing made up is said', async () => {
    const { bot } = await seedKnowledgeBot(t.current.server.db);
    const { replies, conversation } = await askBot(t.current.server.url, bot.id, 'Do you sell pizza?');
    expect(replies).toHaveLength(1);
    expect(replyText(replies[0])).toMatch(/^A person will help you\./);
    expect(replies.every((reply) => citationsOf(reply).length === 0)).toBe(true);
    expect(conversation.status).toBe('needs_agent');
  });

  it('another workspace cannot answer from these sources', async () => {
    const { sourceIds } = await seedKnowledgeBot(t.current.server.db);
    const { bot } = await seedKnowledgeBot(t.current.server.db);
    const { publishFlow } = await import('../fixtures/flows');
    const { knowledgeFlow } = await import('./knowledge-flow');
    await publishFlow(t.current.server.db, bot.id, knowledgeFlow(sourceIds));
    const { conversation } = await askBot(t.current.server.url, bot.id, 'How long do refunds take?');
    expect(conversation.status).toBe('needs_agent');
  });
});

describe('AI answer from knowledge sources through an OpenAI-compatible server', () => {
  const openai = fakeOpenAiPerSuite('sk-test-knowledge');
  const t = useTestServer('pglite', openai.config);

  it('sends the retrieved passages to the model and cites the source its answer came from', async () => {
    openai.fake.enqueue({ content: 'Refunds reach your original card within 5 business days of the parcel arriving.' });
    const { bot } = await seedKnowledgeBot(t.current.server.db);
    const { replies } = await askBot(t.current.server.url, bot.id, 'How long do refunds take?');
    const prompt = requestText(openai.fake.requests.at(-1)!.body);
    expect(prompt).toContain('Refunds are paid back to the original card within 5 business days');
    expect(prompt).not.toContain('## Exchanges');
    expect(replyText(replies[0])).toBe(
      'Refunds reach your original card within 5 business days of the parcel arriving.',
    );
    expect(citationsOf(replies[0])).toEqual([{ title: 'Returns and refunds', url: RETURNS_URL }]);
  });

  it('the model saying the context does not hold the answer takes the not-found path', async () => {
    openai.fake.enqueue({ content: 'NOT_FOUND' });
    const { bot } = await seedKnowledgeBot(t.current.server.db);
    const { replies, conversation } = await askBot(t.current.server.url, bot.id, 'Can I return the parcel by post?');
    expect(replies).toHaveLength(1);
    expect(replyText(replies[0])).toMatch(/^A person will help you\./);
    expect(conversation.status).toBe('needs_agent');
  });

  it('nothing found in the sources: the model is not asked and the conversation is handed off', async () => {
    const before = openai.fake.requests.length;
    const { bot } = await seedKnowledgeBot(t.current.server.db);
    const { conversation } = await askBot(t.current.server.url, bot.id, 'volcano eruption forecast');
    expect(conversation.status).toBe('needs_agent');
    // Handing off asks the model for a summary; no answer was asked for (its instructions were never sent).
    const asked = openai.fake.requests.slice(before).map((request) => requestText(request.body));
    expect(asked.some((text) => text.includes('only from the knowledge below'))).toBe(false);
  });
});
