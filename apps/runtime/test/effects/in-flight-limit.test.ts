import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { HeldApi } from '../fixtures/held-api';
import { orderLookupFlow } from '../fixtures/http-flow';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';

let api: HeldApi;
beforeAll(async () => {
  api = await HeldApi.start();
});
afterAll(() => api.close());

describe('calls in flight per instance', () => {
  const t = useTestServer('pglite', { HTTP_BLOCK_ALLOW_PRIVATE: true, EFFECTS_MAX_IN_FLIGHT: 2 });

  it('beyond the limit calls wait in memory, not on the database, and all complete', async () => {
    const { bot } = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, orderLookupFlow(api.url));
    api.hold = true;
    const visitors = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const visitor = new TestVisitor(t.current.server.url, bot.id);
        await visitor.start();
        await visitor.say(String(i));
        return visitor;
      }),
    );
    await api.received(2);
    const { effects } = t.current.server.services;
    expect([effects.inFlight, effects.waiting]).toEqual([2, 3]);
    // The database stays free: every message was acknowledged and a new session starts at once.
    await new TestVisitor(t.current.server.url, bot.id).start();
    expect(api.requests).toHaveLength(2);
    api.release();
    for (const [i, visitor] of visitors.entries()) {
      const messages = await visitor.historyWhen((all) =>
        all.some((m) => m.content.type === 'text' && m.content.text === `Order ${i} is shipped.`),
      );
      expect(messages.filter((m) => m.author === 'bot' && m.content.type === 'text')).toHaveLength(1);
    }
    expect(api.requests).toHaveLength(5);
  });
});
