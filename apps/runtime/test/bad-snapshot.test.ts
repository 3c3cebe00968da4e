import { supportBotFlow } from '@flowdesk/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { useTestServer } from './server';

describe('a stored conversation state the published flow cannot restore', () => {
  const t = useTestServer('pglite');
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  beforeEach(() => process.on('uncaughtException', onUncaught));
  afterEach(() => process.off('uncaughtException', onUncaught));

  it('stores the message, hands the conversation to the team with a clear line, and the process lives on', async () => {
    const { bot } = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, supportBotFlow);
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    await visitor.start();
    // As written by an earlier build whose machine had a nested `wait` state under the menu block.
    const row = await t.current.server.db
      .selectFrom('conversations')
      .select('engine_snapshot')
      .where('id', '=', visitor.conversationId)
      .executeTakeFirstOrThrow();
    const snapshot = row.engine_snapshot as { machine: { value: unknown } };
    snapshot.machine.value = { menu: 'wait' };
    await t.current.server.db
      .updateTable('conversations')
      .set({ engine_snapshot: JSON.stringify(snapshot) })
      .where('id', '=', visitor.conversationId)
      .execute();

    const sent = await visitor.say('hello?');
    expect(sent.conversation.status).toBe('needs_agent');
    const { messages } = (await visitor.history()).body;
    expect(messages.some((m) => m.author === 'visitor' && m.content.type === 'text')).toBe(true);
    expect(messages.some((m) => m.content.type === 'event' && /no longer exists/.test(m.content.text))).toBe(true);
    // Work left after the answer has finished, and the server answered another request since.
    await t.current.server.services.background.idle();
    expect((await fetch(`${t.current.server.url}/healthz`)).status).toBe(200);
    // XState throws unhandled errors from a 0 ms timer; one set now runs after any set before.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(uncaught).toEqual([]);
  });
});
