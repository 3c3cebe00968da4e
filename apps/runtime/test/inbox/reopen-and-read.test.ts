import type { ServerFrame } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../db';
import { loginHeaders } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useTestServer } from '../server';
import { seedInbox } from './fixtures';

const base = '/api/inbox/conversations';
const isRead = (id: string) => (frame: ServerFrame) => frame.type === 'read' && frame.conversationId === id;

describe.each(databaseKinds)('inbox reopen, live read state, unread count and hand-back labels on %s', (kind) => {
  const t = useTestServer(kind);

  async function setup() {
    const { url, db } = t.current.server;
    const seed = await seedInbox(db);
    const [andy, bea, admin, stranger] = await Promise.all([
      loginHeaders(url, seed.a.agent.email),
      loginHeaders(url, seed.a.bea.email),
      loginHeaders(url, seed.a.admin.email),
      loginHeaders(url, seed.b.admin.email),
    ]);
    // A visitor asks for help: the Support flow hands off to Andy (online, in Support).
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start({ visitor: { name: 'Vic' } });
    await visitor.say('My order never arrived');
    await t.current.server.services.background.idle();
    return { seed, andy, bea, admin, stranger, visitor, id: visitor.conversationId, url };
  }

  it('reopens a resolved conversation for the agent or back to the queue; validated and permission-checked', async () => {
    const { andy, bea, admin, stranger, id } = await setup();
    const call = (headers: Record<string, string>, path: string, json?: unknown) =>
      t.current.call('POST', `${base}/${id}${path}`, headers, json);

    // Not resolved yet: nothing to reopen.
    const early = await call(andy, '/reopen', {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('Only a resolved conversation can be reopened');
    expect((await call(andy, '/resolve')).status).toBe(200);

    // Bad input is a 400 that names the problem; nothing changes.
    const wrongType = await call(andy, '/reopen', { assignToMe: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(JSON.stringify(wrongType.body)).toContain('assignToMe');
    expect((await call(andy, '/reopen', { assignToMe: true, status: 'bot' })).status).toBe(400);
    // Bea is in Billing, not Support: she may not see it. Another workspace does not learn it exists.
    expect((await call(bea, '/reopen', {})).status).toBe(403);
    expect((await call(stranger, '/reopen', {})).status).toBe(404);
    expect((await t.current.call('GET', `${base}/${id}`, andy)).body.conversation.status).toBe('resolved');

    // Andy reopens it for himself: he holds it again; the timeline says who reopened it.
    const mine = await call(andy, '/reopen', {});
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ status: 'agent', assigneeId: expect.any(String) });
    const held = (await t.current.call('GET', `${base}/${id}`, andy)).body;
    expect(held.conversation).toMatchObject({ status: 'agent', resolvedAt: null, assignee: { name: 'Andy Agent' } });
    expect(
      held.messages.some(
        (m: { content: { kind?: string; text?: string } }) =>
          m.content.kind === 'reopened' && m.content.text === 'Andy Agent reopened the conversation',
      ),
    ).toBe(true);
    expect((await call(andy, '/reopen', {})).status).toBe(409);

    // An admin reopens it to the queue: a new wait, nobody assigned, the team kept.
    expect((await call(andy, '/resolve')).status).toBe(200);
    const queued = await call(admin, '/reopen', { assignToMe: false });
    expect(queued.body).toEqual({ status: 'needs_agent', assigneeId: null });
    const waiting = (await t.current.call('GET', `${base}/${id}`, admin)).body.conversation;
    expect(waiting).toMatchObject({ status: 'needs_agent', assignee: null, team: { name: 'Support' } });
    expect(waiting.handedOffAt).not.toBeNull();
  });

  it('a row previews what a person wrote last, not the bot’s handoff line', async () => {
    const { andy, id } = await setup();
    const preview = async () => {
      const { conversations } = (await t.current.call('GET', `${base}?filter=all`, andy)).body;
      return conversations.find((row: { id: string }) => row.id === id).lastMessage;
    };
    // The bot spoke last ("Connecting you with our team…"), which every waiting row used to read.
    expect(await preview()).toMatchObject({ author: 'visitor', text: 'My order never arrived' });
    await t.current.call('POST', `${base}/${id}/messages`, andy, { text: 'Here, looking now.' });
    expect(await preview()).toMatchObject({ author: 'agent', text: 'Here, looking now.' });
  });

  it("marking read reaches every dashboard of that agent (not others'), and the unread count follows", async () => {
    const { andy, admin, visitor, id, url } = await setup();
    const counts = async (headers: Record<string, string>) =>
      (await t.current.call('GET', '/api/inbox/counts', headers)).body;
    expect((await counts(andy)).unread).toBe(1);
    expect((await counts(admin)).unread).toBe(1);

    const tabOne = await TestSocket.open(wsUrl(url), { headers: { cookie: andy.cookie! } });
    const tabTwo = await TestSocket.open(wsUrl(url), { headers: { cookie: andy.cookie! } });
    const adminTab = await TestSocket.open(wsUrl(url), { headers: { cookie: admin.cookie! } });
    await Promise.all([tabOne, tabTwo, adminTab].map((s) => s.until((f) => f.some((x) => x.type === 'ready'))));

    const read = await t.current.call('POST', `${base}/${id}/read`, andy, { seq: 1000 });
    expect(read.status).toBe(204);
    const [one] = (await tabOne.until((f) => f.some(isRead(id)))).filter(isRead(id));
    await tabTwo.until((f) => f.some(isRead(id)));
    const lastSeq = (await t.current.call('GET', `${base}/${id}`, andy)).body.conversation.lastSeq;
    expect(one).toEqual({ type: 'read', conversationId: id, seq: lastSeq });
    expect((await counts(andy)).unread).toBe(0);
    expect((await t.current.call('GET', `${base}?filter=needs_agent`, andy)).body.unread).toBe(0);
    expect((await counts(admin)).unread).toBe(1);

    // The visitor writes again: unread for Andy; his reply reads it, and his tabs hear it again.
    await visitor.say('Hello? Anyone?');
    expect((await counts(andy)).unread).toBe(1);
    const reply = await t.current.call('POST', `${base}/${id}/messages`, andy, { text: 'Here, looking now.' });
    expect(reply.status).toBe(201);
    await tabTwo.until((f) => f.some((x) => isRead(id)(x) && x.type === 'read' && x.seq === reply.body.message.seq));
    expect((await counts(andy)).unread).toBe(0);
    // Nothing of Andy's reading reached the admin's dashboard.
    expect(adminTab.frames.some(isRead(id))).toBe(false);
    expect((await t.current.call('POST', `${base}/${id}/read`, andy, { seq: -1 })).status).toBe(400);
    await Promise.all([tabOne.close(), tabTwo.close(), adminTab.close()]);
  });

  it('lists hand-back blocks by type label and text, never by internal id', async () => {
    const { andy, id } = await setup();
    const { handBackTargets } = (await t.current.call('GET', `${base}/${id}`, andy)).body;
    expect(handBackTargets.map((b: { label: string }) => b.label)).toEqual([
      'Send message · Hi! I am the support bot.',
      'Ask for input · What can we help you with?',
      'Human handoff',
      'Send message · Welcome back to the bot!',
      'Ask for input · How would you rate us?',
      'End conversation',
    ]);
    // The old dialog read "Ask for input · ask": no label carries the block's id after its type.
    for (const target of handBackTargets as Array<{ id: string; label: string }>)
      expect(target.label.endsWith(`· ${target.id}`)).toBe(false);
  });
});
