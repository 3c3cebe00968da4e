import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Visitor } from '../src/db/schema';
import { databaseKinds } from './db';
import { seedWorkspace } from './fixtures/accounts';
import { ask, flowDocument, say, start } from './fixtures/flow-builder';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { type TestServer, useTestServer } from './server';

/** start → capture q → "got {{q}}" → capture again. */
const echoFlow = flowDocument({
  id: 'echo',
  name: 'Echo',
  variables: [{ name: 'q' }],
  blocks: [start(), ask('ask', 'Say something', 'q'), say('echo', 'got {{q}}')],
  wires: ['start -> ask -> echo -> ask'],
});

async function visitorsOf(t: { current: TestServer }, count: number) {
  const { bot } = await seedWorkspace(t.current.server.db, `group-${Math.random()}`);
  await publishFlow(t.current.server.db, bot.id, echoFlow);
  const visitors = await Promise.all(
    Array.from({ length: count }, async () => {
      const visitor = new TestVisitor(t.current.server.url, bot.id);
      await visitor.start();
      return visitor;
    }),
  );
  const rows = await t.current.server.db
    .selectFrom('conversations')
    .innerJoin('visitors', 'visitors.id', 'conversations.visitor_id')
    .selectAll('visitors')
    .select('conversations.id as conversation_id')
    .where(
      'conversations.id',
      'in',
      visitors.map((visitor) => visitor.conversationId),
    )
    .execute();
  const byConversation = new Map(rows.map(({ conversation_id, ...visitor }) => [conversation_id, visitor as Visitor]));
  return visitors.map((visitor) => ({
    conversationId: visitor.conversationId,
    row: byConversation.get(visitor.conversationId)!,
  }));
}

/** The transactions (xmin) that wrote the messages with these clientIds. */
async function writers(t: { current: TestServer }, clientIds: string[]) {
  const { rows } = await sql<{ writer: string }>`
    select distinct xmin::text as writer from messages where client_id in (${sql.join(clientIds)})`.execute(
    t.current.server.db,
  );
  return rows.map((row) => row.writer);
}

const text = (value: string) => ({ type: 'text' as const, text: value });

describe.each(databaseKinds)('group commit (%s)', (kind) => {
  const t = useTestServer(kind);

  it('messages that arrive together share one transaction and each gets its own answer', async () => {
    const visitors = await visitorsOf(t, 6);
    const conversations = t.current.server.services.conversations;
    const results = await Promise.all(
      visitors.map((visitor, index) =>
        conversations.visitorMessage(visitor.conversationId, visitor.row, {
          clientId: `together-${index}`,
          content: text(`hello ${index}`),
        }),
      ),
    );
    results.forEach((result, index) => {
      expect(result.message.message.conversationId).toBe(visitors[index]!.conversationId);
      expect(result.replies.map((reply) => reply.message.content)).toContainEqual(text(`got hello ${index}`));
    });
    expect(
      await writers(
        t,
        visitors.map((_, index) => `together-${index}`),
      ),
    ).toHaveLength(1);
  });

  it('one write that fails does not take the others down: they are stored, it answers its own error', async () => {
    const visitors = await visitorsOf(t, 4);
    const conversations = t.current.server.services.conversations;
    const stranger = visitors[0]!.row;
    const results = await Promise.allSettled(
      visitors.map((visitor, index) =>
        conversations.visitorMessage(visitor.conversationId, index === 2 ? stranger : visitor.row, {
          clientId: `mixed-${index}`,
          content: text(`mixed ${index}`),
        }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/not found/i);
    const stored = await t.current.server.db
      .selectFrom('messages')
      .select('client_id')
      .where('client_id', 'like', 'mixed-%')
      .execute();
    expect(stored.map((row) => row.client_id).sort()).toEqual(['mixed-0', 'mixed-1', 'mixed-3']);
  });

  it('two messages of one conversation in one group keep their order', async () => {
    const [visitor] = await visitorsOf(t, 1);
    const conversations = t.current.server.services.conversations;
    const [first, second] = await Promise.all(
      ['first', 'second'].map((word) =>
        conversations.visitorMessage(visitor!.conversationId, visitor!.row, { clientId: word, content: text(word) }),
      ),
    );
    expect(first!.message.message.seq).toBeLessThan(second!.message.message.seq);
    expect(first!.replies.map((reply) => reply.message.content)).toContainEqual(text('got first'));
    expect(second!.replies.map((reply) => reply.message.content)).toContainEqual(text('got second'));
    expect(await writers(t, ['first', 'second'])).toHaveLength(1);
  });
});
