import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailDb } from '../../src/email/tables';
import { type RunningServer, startServer } from '../../src/server';
import { createTestDatabase, SETUP_TIMEOUT_MS, type TestDatabase } from '../db';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { helloFlow, publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { eventually } from '../poll';

/**
 * Whether the visitor is "in the widget" is read from the database, so it holds across instances: the
 * socket on A keeps the email that B's worker would send, and a row a crashed instance left goes stale.
 */
describe('email continuity across two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  let agentHeaders: Record<string, string>;
  let botId: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const config = { ...database.config, EMAIL_REPLY_GRACE_MS: 300 };
    // A only serves (no outbox worker); B runs the worker that decides and sends.
    [a, b] = await Promise.all([startServer({ ...config, EMAIL_WORKER: false }), startServer(config)]);
    const ws = await seedWorkspace(a.db);
    await publishFlow(a.db, ws.bot.id, helloFlow());
    botId = ws.bot.id;
    agentHeaders = await loginHeaders(b.url, ws.agent.email);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.dispose();
  });

  const reply = async (conversationId: string, text: string) => {
    const response = await fetch(`${b.url}/api/inbox/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { ...agentHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    expect(response.status).toBe(201);
  };
  const rows = (conversationId: string) =>
    emailDb(a.db)
      .selectFrom('email_outbox')
      .select(['status', 'last_error'])
      .where('conversation_id', '=', conversationId)
      .where('kind', '=', 'visitor_reply')
      .orderBy('created_at')
      .execute();

  /** How many widget sockets the instances have recorded in the database. */
  const recordedSockets = async () =>
    (
      await a.db
        .selectFrom('visitor_connections' as never)
        .selectAll()
        .execute()
    ).length;

  it("a widget socket on A holds back B's email; once it closes, the next reply is emailed", async () => {
    const visitor = new TestVisitor(a.url, botId);
    await visitor.start({ visitor: { email: 'vera.instances@example.test' } });
    const socket = await TestSocket.open(wsUrl(a.url, `?visitorToken=${encodeURIComponent(visitor.token)}`));
    await eventually(async () => (await recordedSockets()) > 0);
    await reply(visitor.conversationId, 'Seen live on A');
    await eventually(async () => (await rows(visitor.conversationId)).some((r) => r.status === 'cancelled'));

    await socket.close();
    await eventually(async () => (await recordedSockets()) === 0);
    await reply(visitor.conversationId, 'Sent by email after the tab closed');
    const done = await eventually(async () => {
      const all = await rows(visitor.conversationId);
      return all.length === 2 && all[1]!.status === 'sent' && all;
    });
    expect(done.map((r) => r.status)).toEqual(['cancelled', 'sent']);
    const mail = await emailDb(a.db)
      .selectFrom('mailbox')
      .select('text')
      .where('to_address', '=', 'vera.instances@example.test')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('Sent by email after the tab closed');
    expect(mail[0]!.text).not.toContain('Seen live on A');
  });

  it('a socket row left by a crashed instance goes stale: the visitor counts as away', async () => {
    const visitor = new TestVisitor(a.url, botId);
    await visitor.start({ visitor: { email: 'vera.crashed@example.test' } });
    await a.db
      .insertInto('visitor_connections' as never)
      .values({
        id: randomUUID(),
        visitor_id: visitor.session.visitorId,
        instance_id: 'crashed-instance',
        last_seen: sql`now() - interval '1 hour'`,
      } as never)
      .execute();
    await reply(visitor.conversationId, 'Nobody is really there');
    const [row] = await eventually(async () => {
      const all = await rows(visitor.conversationId);
      return all.length === 1 && all[0]!.status === 'sent' && all;
    });
    expect(row!.last_error).toBeNull();
  });
});
