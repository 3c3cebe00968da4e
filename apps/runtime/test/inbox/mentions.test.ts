import { describe, expect, it } from 'vitest';
import { emailDb } from '../../src/email/tables';
import { createUser } from '../../src/people/users';
import { loginHeaders, PASSWORD } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useTestServer } from '../server';
import { seedInbox } from './fixtures';

describe('@mentions in internal notes', () => {
  const t = useTestServer('pglite');

  /** A Support conversation (Andy has it), Sam a second Support agent, Bea (Billing) cannot see it. */
  async function setup() {
    const { db, url } = t.current.server;
    const seed = await seedInbox(db);
    const sam = await createUser(db, {
      workspaceId: seed.a.workspaceId,
      email: `sam-${seed.a.workspaceId.slice(0, 8)}@example.com`,
      name: 'Sam Support',
      password: PASSWORD,
      role: 'agent',
    });
    await db.insertInto('team_members').values({ team_id: seed.a.support, user_id: sam.id }).execute();
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start();
    await visitor.say('My order never arrived');
    const [andy, bea, samHeaders] = await Promise.all(
      [seed.a.agent.email, seed.a.bea.email, sam.email].map((email) => loginHeaders(url, email)),
    );
    return { seed, sam, visitor, andy: andy!, bea: bea!, samHeaders: samHeaders! };
  }

  const socketFor = async (headers: { cookie: string }) => {
    const socket = await TestSocket.open(wsUrl(t.current.server.url), { headers: { cookie: headers.cookie } });
    await socket.until((frames) => frames.some((frame) => frame.type === 'ready'));
    return socket;
  };

  it('an agent who cannot see the conversation is not mentioned: no email, no alert, not in the note', async () => {
    const { db, services } = t.current.server;
    const { seed, sam, visitor, andy, bea } = await setup();
    const id = visitor.conversationId;
    expect((await t.current.call('GET', `/api/inbox/conversations/${id}`, bea)).status).toBe(403);
    const beaSocket = await socketFor(bea);

    const note = await t.current.call('POST', `/api/inbox/conversations/${id}/notes`, andy, {
      text: 'Secret refund details @Bea_Billing @Sam_Support',
      mentions: [seed.a.bea.id, sam.id],
    });
    expect(note.status).toBe(201);
    expect(note.body.note.content.mentions).toEqual([sam.id]);
    await services.background.idle();

    const mentioned = await emailDb(db)
      .selectFrom('email_outbox')
      .select('to_address')
      .where('conversation_id', '=', id)
      .where('kind', '=', 'mentioned')
      .execute();
    expect(mentioned.map((row) => row.to_address)).toEqual([sam.email]);
    // The alerts left before the note's answer; a stray one would be here before the pong.
    await beaSocket.flushed();
    expect(beaSocket.frames.some((frame) => frame.type === 'mention')).toBe(false);
    expect(JSON.stringify(beaSocket.frames)).not.toContain('Secret refund');
    await beaSocket.close();
  });

  it('a mentioned agent who may see the conversation gets the dashboard alert event; others do not', async () => {
    const { seed, sam, visitor, andy, samHeaders } = await setup();
    const id = visitor.conversationId;
    const samSocket = await socketFor(samHeaders);
    const andySocket = await socketFor(andy);

    const note = await t.current.call('POST', `/api/inbox/conversations/${id}/notes`, andy, {
      text: '@Sam_Support can you check the tracking number?',
      mentions: [sam.id],
    });
    expect(note.status).toBe(201);

    const frames = await samSocket.until((all) => all.some((frame) => frame.type === 'mention'));
    expect(frames.find((frame) => frame.type === 'mention')).toEqual({
      type: 'mention',
      conversationId: id,
      authorName: seed.a.agent.name,
      visitorName: null,
      text: '@Sam_Support can you check the tracking number?',
    });
    await andySocket.flushed(); // Sam's alert and any other left together, before the note's answer
    expect(andySocket.frames.some((frame) => frame.type === 'mention')).toBe(false);
    await Promise.all([samSocket.close(), andySocket.close()]);
  });
});
