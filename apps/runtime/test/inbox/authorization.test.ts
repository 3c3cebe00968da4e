import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../db';
import { loginHeaders } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useTestServer } from '../server';
import { seedInbox } from './fixtures';

type Seed = Awaited<ReturnType<typeof seedInbox>>;

describe.each(databaseKinds)('inbox authorization on %s', (kind) => {
  const t = useTestServer(kind);
  let seed: Seed;
  let headers: Record<'admin' | 'andy' | 'bea' | 'otherAdmin', Record<string, string>>;
  let ids: { support: string; billing: string; bot: string };

  const get = (who: keyof typeof headers, path: string) => t.current.request(path, { headers: headers[who] });
  const post = (who: keyof typeof headers, path: string, json: unknown = {}) =>
    t.current.request(path, { method: 'POST', headers: headers[who], json });
  const listIds = async (who: keyof typeof headers, filter: string) => {
    const response = await get(who, `/api/inbox/conversations?filter=${filter}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { conversations: Array<{ id: string }> };
    return body.conversations.map((c) => c.id).sort();
  };

  it('sets up three conversations: Support handoff, Billing handoff, one still in the bot', async () => {
    const { url, db, services } = t.current.server;
    seed = await seedInbox(db);
    headers = {
      admin: await loginHeaders(url, seed.a.admin.email),
      andy: await loginHeaders(url, seed.a.agent.email),
      bea: await loginHeaders(url, seed.a.bea.email),
      otherAdmin: await loginHeaders(url, seed.b.admin.email),
    };
    const support = new TestVisitor(url, seed.a.bot.id);
    await support.start({ visitor: { name: 'Sam Support', email: 'sam@example.com' } });
    await support.say('My payment failed twice and I am angry');
    const billing = new TestVisitor(url, seed.a.billingBot.id);
    await billing.start({ visitor: { name: 'Bill Payer' } });
    await billing.say('Invoice question');
    const bot = new TestVisitor(url, seed.a.bot.id);
    await bot.start({ visitor: { name: 'Betty Bot' } });
    await services.background.idle();
    ids = { support: support.conversationId, billing: billing.conversationId, bot: bot.conversationId };

    const rows = await db.selectFrom('conversations').selectAll().where('id', 'in', Object.values(ids)).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.support)).toMatchObject({
      status: 'needs_agent',
      team_id: seed.a.support,
      assignee_id: seed.a.agent.id,
    });
    expect(byId.get(ids.support)?.summary).toBeTruthy();
    expect(byId.get(ids.support)?.priority).toMatch(/high|urgent/);
    // Bea is offline: routed to Billing, nobody assigned; the block fixes the priority.
    expect(byId.get(ids.billing)).toMatchObject({
      status: 'needs_agent',
      team_id: seed.a.billing,
      assignee_id: null,
      priority: 'high',
    });
    expect(byId.get(ids.bot)).toMatchObject({ status: 'bot', team_id: null, assignee_id: null });
  });

  it('admin sees the whole workspace; agents see their own, their teams and unassigned ones', async () => {
    expect(await listIds('admin', 'all')).toEqual(Object.values(ids).sort());
    expect(await listIds('andy', 'all')).toEqual([ids.support, ids.bot].sort());
    expect(await listIds('bea', 'all')).toEqual([ids.billing, ids.bot].sort());
    expect(await listIds('otherAdmin', 'all')).toEqual([]);
  });

  it('filters: needs_agent with counts, mine, my teams, unassigned', async () => {
    const response = await get('admin', '/api/inbox/conversations');
    const body = (await response.json()) as {
      filter: string;
      counts: Record<string, number>;
      conversations: Array<{ id: string }>;
    };
    expect(body.filter).toBe('needs_agent');
    expect(body.counts).toMatchObject({ needs_agent: 2, all: 3, resolved: 0, unassigned: 1 });
    // Sorted by priority: both high; Support waited longer.
    expect(body.conversations.map((c) => c.id)).toEqual([ids.support, ids.billing]);
    expect(await listIds('andy', 'mine')).toEqual([ids.support]);
    expect(await listIds('bea', 'my_teams')).toEqual([ids.billing]);
    expect(await listIds('bea', 'mine')).toEqual([]);
    expect(await listIds('admin', 'unassigned')).toEqual([ids.billing]);
  });

  it('search by visitor name, email and message text', async () => {
    const search = async (q: string) => {
      const response = await get('admin', `/api/inbox/conversations?filter=all&q=${encodeURIComponent(q)}`);
      return ((await response.json()) as { conversations: Array<{ id: string }> }).conversations.map((c) => c.id);
    };
    expect(await search('sam@example')).toEqual([ids.support]);
    expect(await search('bill payer')).toEqual([ids.billing]);
    expect(await search('invoice')).toEqual([ids.billing]);
    expect(await search('100%')).toEqual([]);
  });

  it('an agent cannot open, reply to or act on another team’s conversation', async () => {
    expect((await get('andy', `/api/inbox/conversations/${ids.billing}`)).status).toBe(403);
    expect((await post('andy', `/api/inbox/conversations/${ids.billing}/messages`, { text: 'hi' })).status).toBe(403);
    expect((await post('andy', `/api/inbox/conversations/${ids.billing}/notes`, { text: 'hi' })).status).toBe(403);
    expect((await post('andy', `/api/inbox/conversations/${ids.billing}/takeover`)).status).toBe(403);
    expect((await post('andy', `/api/inbox/conversations/${ids.billing}/resolve`)).status).toBe(403);
    expect((await get('bea', `/api/inbox/conversations/${ids.support}`)).status).toBe(403);
    expect((await get('andy', `/api/inbox/conversations/${ids.bot}`)).status).toBe(200);
    expect((await get('admin', `/api/inbox/conversations/${ids.billing}`)).status).toBe(200);
  });

  it('over the WebSocket too: an agent cannot follow another team’s conversation, nor another workspace', async () => {
    const socket = await TestSocket.open(wsUrl(t.current.server.url), {
      headers: { cookie: headers.andy.cookie ?? '' },
    });
    socket.send({ type: 'subscribe', conversationId: ids.billing, afterSeq: 0 });
    socket.send({ type: 'subscribe', conversationId: ids.support, afterSeq: 0 });
    await socket.until(() => socket.messages(ids.support).length > 0 && socket.frames.some((f) => f.type === 'error'));
    expect(socket.frames.filter((f) => f.type === 'error').map((f) => f.type === 'error' && f.code)).toEqual([
      'forbidden',
    ]);
    expect(socket.messages(ids.billing)).toEqual([]);
    await socket.close();
    const stranger = await TestSocket.open(wsUrl(t.current.server.url), {
      headers: { cookie: headers.otherAdmin.cookie ?? '' },
    });
    stranger.send({ type: 'subscribe', conversationId: ids.support, afterSeq: 0 });
    await stranger.until(() => stranger.frames.some((f) => f.type === 'error'));
    expect(stranger.messages()).toEqual([]);
    await stranger.close();
  });

  it('another workspace gets 404 for every conversation', async () => {
    for (const id of Object.values(ids)) {
      expect((await get('otherAdmin', `/api/inbox/conversations/${id}`)).status).toBe(404);
      const reply = await post('otherAdmin', `/api/inbox/conversations/${id}/messages`, { text: 'hi' });
      expect(reply.status).toBe(404);
      expect(await reply.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    const assign = await t.current.request(`/api/inbox/conversations/${ids.support}/assignment`, {
      method: 'PUT',
      headers: headers.admin,
      json: { assigneeId: seed.b.admin.id },
    });
    expect(assign.status).toBe(400);
  });

  it('visitor tokens and anonymous callers cannot use agent APIs', async () => {
    const visitor = new TestVisitor(t.current.server.url, seed.a.bot.id);
    await visitor.start();
    const bearer = { authorization: `Bearer ${visitor.token}`, 'x-requested-with': 'fetch' };
    for (const path of [
      '/api/inbox/conversations',
      `/api/inbox/conversations/${visitor.conversationId}`,
      '/api/inbox/teammates',
    ]) {
      expect((await t.current.request(path, { headers: bearer })).status).toBe(401);
      expect((await t.current.request(path)).status).toBe(401);
    }
    const write = await t.current.request(`/api/inbox/conversations/${visitor.conversationId}/messages`, {
      method: 'POST',
      headers: bearer,
      json: { text: 'I am an agent now' },
    });
    expect(write.status).toBe(401);
  });

  it('teams and users admin is for admins of the same workspace only', async () => {
    expect((await get('andy', '/api/admin/users')).status).toBe(403);
    expect((await post('andy', '/api/admin/teams', { name: 'Mine' })).status).toBe(403);
    const users = (await (await get('otherAdmin', '/api/admin/users')).json()) as { users: Array<{ id: string }> };
    expect(users.users.map((u) => u.id).sort()).toEqual([seed.b.admin.id, seed.b.agent.id].sort());
    const foreign = await t.current.request(`/api/admin/teams/${seed.a.support}`, {
      method: 'PATCH',
      headers: headers.otherAdmin,
      json: { name: 'Stolen' },
    });
    expect(foreign.status).toBe(404);
  });
});
