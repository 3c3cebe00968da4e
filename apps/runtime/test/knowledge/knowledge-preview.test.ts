import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_PREVIEW_LIMIT_PER_MINUTE } from '../../src/knowledge/preview-routes';
import { databaseKinds } from '../db';
import { loginHeaders } from '../fixtures/accounts';
import { useTestServer } from '../server';
import { RETURNS_URL, seedKnowledgeBot } from './knowledge-flow';

const path = '/api/admin/knowledge/preview-answer';
const agentPath = '/api/admin/knowledge/preview-agent-turn';

describe.each(databaseKinds)('knowledge preview answer on %s', (kind) => {
  const t = useTestServer(kind);

  it('answers like a live chat with the passages it used; not found says nothing; bad input is a 400; agents are refused', async () => {
    const { admin, agent, sourceIds } = await seedKnowledgeBot(t.current.server.db);
    const adminHeaders = await loginHeaders(t.current.server.url, admin.email);
    const ask = (body: unknown, headers = adminHeaders) => t.current.call('POST', path, headers, body);

    const answered = await ask({ question: 'How long do refunds take?', sourceIds });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      found: true,
      answer: 'Refunds are paid back to the original card within 5 business days after we receive the parcel.',
      citations: [{ title: 'Returns and refunds', url: RETURNS_URL }],
    });
    const passages = answered.body.passages as { title: string; url: string | null; text: string }[];
    expect(passages).toContainEqual(expect.objectContaining({ title: 'Returns and refunds', url: RETURNS_URL }));
    expect(passages.map((p) => p.text).join(' ')).not.toMatch(/[#*]/);

    const unknown = await ask({ question: 'Do you sell gift cards?', sourceIds });
    expect(unknown.body).toMatchObject({ found: false, answer: '', citations: [] });

    expect((await ask({ question: '', sourceIds })).status).toBe(400);
    const nothingToAsk = await ask({ question: 'refunds', sourceIds: [] });
    expect(nothingToAsk.status).toBe(400);
    expect(JSON.stringify(nothingToAsk.body)).toContain('Choose a knowledge source or write knowledge text');
    const agentHeaders = await loginHeaders(t.current.server.url, agent.email);
    expect((await ask({ question: 'refunds', sourceIds }, agentHeaders)).status).toBe(403);

    // The block's own knowledge text alone is answered as a live chat answers it (the preview used to guess).
    const knowledge = `Shipping: orders leave our warehouse within 2 business days; delivery takes 3 to 5 days.
Returns: any product can be returned within 30 days for a full refund.`;
    const fromText = await ask({ question: 'How long does shipping take?', knowledge });
    expect(fromText.body).toMatchObject({
      found: true,
      answer: 'Shipping: orders leave our warehouse within 2 business days; delivery takes 3 to 5 days.',
      passages: [],
    });
    expect((await ask({ question: 'Do you sell gift cards?', knowledge })).body).toMatchObject({ found: false });

    // Each preview may call the model: one admin gets KNOWLEDGE_PREVIEW_LIMIT_PER_MINUTE a minute (4 used above).
    const statuses: number[] = [];
    for (let i = 0; i < KNOWLEDGE_PREVIEW_LIMIT_PER_MINUTE; i++)
      statuses.push((await ask({ question: 'How long do refunds take?', sourceIds })).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(KNOWLEDGE_PREVIEW_LIMIT_PER_MINUTE - 4);
    const refused = await ask({ question: 'How long do refunds take?', sourceIds });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/^Too many preview answers; try again in \d+ (s|min)$/);
  });

  it("answers an AI agent's next turn like a live chat: from the sources, then asks for the details, then hands off", async () => {
    const { admin, agent, sourceIds } = await seedKnowledgeBot(t.current.server.db);
    const adminHeaders = await loginHeaders(t.current.server.url, admin.email);
    const turn = (body: unknown, headers = adminHeaders) => t.current.call('POST', agentPath, headers, body);
    const handoff = {
      enabled: true,
      whenToUse: 'The visitor asks for a person',
      gather: ['email'],
      autoPriority: true,
    };
    const base = { knowledgeSourceIds: sourceIds, handoff };

    const answered = await turn({ ...base, transcript: [{ author: 'visitor', text: 'How long do refunds take?' }] });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      turn: {
        reply: 'Refunds are paid back to the original card within 5 business days after we receive the parcel.',
        citations: [{ title: 'Returns and refunds', url: RETURNS_URL }],
      },
      provider: 'offline',
    });
    expect(answered.body.passages).toContainEqual(expect.objectContaining({ url: RETURNS_URL }));

    const wish = [{ author: 'visitor', text: 'I want to talk to a real person' }];
    const asks = await turn({ ...base, transcript: wish });
    expect(asks.body.turn.reply).toBe("I'll connect you with a teammate. Before I do, could you tell me your email?");
    const gave = [
      ...wish,
      { author: 'bot', text: asks.body.turn.reply },
      { author: 'visitor', text: 'sam@example.com' },
    ];
    const handedOff = await turn({ ...base, transcript: gave });
    expect(handedOff.body.turn.handoff).toMatchObject({
      reason: 'Visitor asked for a human: "I want to talk to a real person"',
      gathered: { email: 'sam@example.com' },
    });

    expect((await turn({ ...base, transcript: [] })).status).toBe(400);
    expect((await turn({ knowledgeSourceIds: sourceIds, transcript: wish })).status).toBe(400);
    const agentHeaders = await loginHeaders(t.current.server.url, agent.email);
    expect((await turn({ ...base, transcript: wish }, agentHeaders)).status).toBe(403);
  });
});
