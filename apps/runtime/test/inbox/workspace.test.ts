import { describe, expect, it } from 'vitest';
import { emailDb } from '../../src/email/tables';
import { nextOnlineAgent } from '../../src/inbox/routing';
import { createUser } from '../../src/people/users';
import { databaseKinds } from '../db';
import { seedTeam } from '../email/fixtures';
import { loginHeaders, PASSWORD } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useTestServer } from '../server';
import { seedInbox } from './fixtures';

describe.each(databaseKinds)('inbox workspace features on %s', (kind) => {
  const t = useTestServer(kind);
  const setup = async () => {
    const seed = await seedInbox(t.current.server.db);
    const url = t.current.server.url;
    return {
      seed,
      admin: await loginHeaders(url, seed.a.admin.email),
      andy: await loginHeaders(url, seed.a.agent.email),
    };
  };
  const call = (headers: Record<string, string>, method: string, path: string, json?: unknown) =>
    t.current.request(path, { method, headers, ...(json === undefined ? {} : { json }) });

  it('canned responses: create, list by shortcut, edit, unique shortcut, delete; bad input is a 4xx', async () => {
    const { andy, admin } = await setup();
    const created = await call(andy, 'POST', '/api/inbox/canned-responses', {
      shortcut: 'refund',
      title: 'Refunds',
      text: 'We refund within 5 days.',
    });
    expect(created.status).toBe(201);
    const { cannedResponse } = (await created.json()) as { cannedResponse: { id: string } };
    await call(admin, 'POST', '/api/inbox/canned-responses', { shortcut: 'hello', title: 'Hi', text: 'Hello!' });
    const list = (await (await call(andy, 'GET', '/api/inbox/canned-responses')).json()) as {
      cannedResponses: Array<{ shortcut: string }>;
    };
    expect(list.cannedResponses.map((c) => c.shortcut)).toEqual(['hello', 'refund']);
    const dup = await call(andy, 'POST', '/api/inbox/canned-responses', { shortcut: 'refund', title: 'x', text: 'y' });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ error: { code: 'conflict', details: { field: 'shortcut' } } });
    const bad = await call(andy, 'POST', '/api/inbox/canned-responses', { shortcut: 'has space', title: '', text: 1 });
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { error: { details: Array<{ path: string }> } }).error.details.map((d) => d.path).sort(),
    ).toEqual(['shortcut', 'text', 'title']);
    const broken = await t.current.request('/api/inbox/canned-responses', {
      method: 'POST',
      headers: { ...andy, 'content-type': 'application/json' },
      body: '{"shortcut":',
    });
    expect(broken.status).toBe(400);
    const edited = await call(andy, 'PATCH', `/api/inbox/canned-responses/${cannedResponse.id}`, {
      text: 'Refunds take 3 days.',
    });
    expect(await edited.json()).toMatchObject({ cannedResponse: { shortcut: 'refund', text: 'Refunds take 3 days.' } });
    expect((await call(andy, 'DELETE', `/api/inbox/canned-responses/${cannedResponse.id}`)).status).toBe(204);
    expect((await call(andy, 'DELETE', `/api/inbox/canned-responses/${cannedResponse.id}`)).status).toBe(404);
  });

  it('users and teams admin: add an agent who can sign in, teams with members and one default team', async () => {
    const { admin, seed } = await setup();
    const email = `new-${seed.a.workspaceId.slice(0, 6)}@example.com`;
    const added = await call(admin, 'POST', '/api/admin/users', {
      email,
      name: 'Nia New',
      password: 'long-enough-1',
      role: 'agent',
    });
    expect(added.status).toBe(201);
    const { user } = (await added.json()) as { user: { id: string } };
    expect(JSON.stringify(user)).not.toContain('password');
    await loginHeaders(t.current.server.url, email, 'long-enough-1');
    expect(
      (await call(admin, 'POST', '/api/admin/users', { email, name: 'Again', password: 'long-enough-1' })).status,
    ).toBe(409);
    expect((await call(admin, 'POST', '/api/admin/users', { email: 'nope', name: '', password: 'short' })).status).toBe(
      400,
    );
    expect((await call(admin, 'PATCH', `/api/admin/users/${seed.a.admin.id}`, { role: 'agent' })).status).toBe(400);

    const team = await call(admin, 'POST', '/api/admin/teams', {
      name: 'Sales',
      memberIds: [user.id],
      isDefault: true,
    });
    expect(team.status).toBe(201);
    const { team: sales } = (await team.json()) as { team: { id: string } };
    expect((await call(admin, 'POST', '/api/admin/teams', { name: 'Sales' })).status).toBe(409);
    expect((await call(admin, 'POST', '/api/admin/teams', { name: 'X', memberIds: [seed.b.agent.id] })).status).toBe(
      400,
    );
    await call(admin, 'PATCH', `/api/admin/teams/${seed.a.support}`, {
      isDefault: true,
      memberIds: [seed.a.agent.id, user.id],
    });
    const teams = (await (await call(admin, 'GET', '/api/inbox/teams')).json()) as {
      teams: Array<{ id: string; isDefault: boolean; memberIds: string[] }>;
    };
    expect(teams.teams.filter((t) => t.isDefault).map((t) => t.id)).toEqual([seed.a.support]);
    expect(teams.teams.find((t) => t.id === seed.a.support)?.memberIds.sort()).toEqual(
      [seed.a.agent.id, user.id].sort(),
    );
    expect((await call(admin, 'DELETE', `/api/admin/teams/${sales.id}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/api/admin/users/${user.id}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `/api/admin/users/${seed.a.admin.id}`)).status).toBe(400);
  });

  it('presence: the agent sets online/away; every dashboard of the workspace hears it; bad values are refused', async () => {
    const { andy, admin, seed } = await setup();
    const socket = await TestSocket.open(wsUrl(t.current.server.url), { headers: { cookie: admin.cookie } });
    expect((await call(andy, 'PUT', '/api/inbox/presence', { status: 'away' })).status).toBe(200);
    await socket.until((frames) =>
      frames.some((f) => f.type === 'presence' && f.userId === seed.a.agent.id && f.status === 'away'),
    );
    expect((await call(andy, 'PUT', '/api/inbox/presence', { status: 'busy' })).status).toBe(400);
    const teammates = (await (await call(admin, 'GET', '/api/inbox/teammates')).json()) as {
      users: Array<{ id: string; presence: string }>;
    };
    expect(teammates.users.find((u) => u.id === seed.a.agent.id)?.presence).toBe('away');
    await socket.close();
  });

  it('round-robin picks the online team member assigned least recently, skipping away and offline ones', async () => {
    const { db } = t.current.server;
    const { seed } = await setup();
    const make = (name: string) =>
      createUser(db, {
        workspaceId: seed.a.workspaceId,
        email: `${name}-${seed.a.workspaceId.slice(0, 6)}@example.com`,
        name,
        password: PASSWORD,
        role: 'agent',
      });
    const [ann, bob, cat] = [await make('ann'), await make('bob'), await make('cat')];
    await db.updateTable('users').set({ presence: 'online' }).where('id', 'in', [ann.id, bob.id]).execute();
    await db.updateTable('users').set({ presence: 'away' }).where('id', '=', cat.id).execute();
    const team = await seedTeam(db, seed.a.workspaceId, 'Rotation', [ann.id, bob.id, cat.id]);
    const picks: string[] = [];
    for (let i = 0; i < 4; i++) picks.push((await db.transaction().execute((trx) => nextOnlineAgent(trx, team)))!.name);
    expect(picks.slice(0, 2).sort()).toEqual(['ann', 'bob']);
    expect(picks.slice(2)).toEqual(picks.slice(0, 2));
    await db.updateTable('users').set({ presence: 'offline' }).where('id', 'in', [ann.id, bob.id]).execute();
    expect(await db.transaction().execute((trx) => nextOnlineAgent(trx, team))).toBeNull();
  });

  it('mentions and assignments queue emails in the same transaction; agents see notes live, visitors never', async () => {
    const { db, url, services } = t.current.server;
    const { seed, andy, admin } = await setup();
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start();
    await visitor.say('hello');
    const agentSocket = await TestSocket.open(wsUrl(url), { headers: { cookie: admin.cookie } });
    const visitorSocket = await TestSocket.open(wsUrl(url, `?visitorToken=${visitor.token}`));
    for (const socket of [agentSocket, visitorSocket])
      socket.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    const id = visitor.conversationId;
    const note = await call(andy, 'POST', `/api/inbox/conversations/${id}/notes`, {
      text: 'VIP customer, @Alice',
      mentions: [seed.a.admin.id],
    });
    expect(note.status).toBe(201);
    await call(admin, 'PUT', `/api/inbox/conversations/${id}/assignment`, { assigneeId: seed.a.bea.id });
    await call(andy, 'POST', `/api/inbox/conversations/${id}/messages`, { text: 'public reply' });
    await agentSocket.until(() => agentSocket.messages(id).some((m) => m.content.type === 'note'));
    await visitorSocket.until(() =>
      visitorSocket.messages(id).some((m) => m.content.type === 'text' && m.content.text === 'public reply'),
    );
    expect(JSON.stringify(visitorSocket.frames)).not.toContain('VIP customer');
    await services.background.idle();
    const outbox = await emailDb(db)
      .selectFrom('email_outbox')
      .select(['kind', 'to_address'])
      .where('conversation_id', '=', id)
      .execute();
    // Round-robin gave it to Andy at the handoff, then the admin gave it to Bea; the team gets no extra email.
    expect(outbox).toEqual(
      expect.arrayContaining([
        { kind: 'mentioned', to_address: seed.a.admin.email },
        { kind: 'assigned_to_you', to_address: seed.a.agent.email },
        { kind: 'assigned_to_you', to_address: seed.a.bea.email },
      ]),
    );
    expect(outbox.filter((row) => row.kind === 'assigned_to_team')).toEqual([]);
    await agentSocket.close();
    await visitorSocket.close();
  });

  it('suggested reply and summary regeneration run through the AI provider', async () => {
    const { seed, andy } = await setup();
    const visitor = new TestVisitor(t.current.server.url, seed.a.bot.id);
    await visitor.start();
    await visitor.say('My invoice shows a double charge, please refund it');
    const id = visitor.conversationId;
    const suggestion = await call(andy, 'POST', `/api/inbox/conversations/${id}/suggest-reply`);
    expect(suggestion.status).toBe(200);
    expect(((await suggestion.json()) as { reply: string }).reply.length).toBeGreaterThan(10);
    const summary = await call(andy, 'POST', `/api/inbox/conversations/${id}/summary`);
    expect(((await summary.json()) as { summary: string }).summary).toMatch(/refund|charge|invoice/i);
  });

  it('documents every inbox route in the OpenAPI document', async () => {
    const doc = (await (await t.current.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags: string[] }>>;
    };
    expect(doc.paths['/api/inbox/conversations/{id}/handback']?.post?.tags).toEqual(['Inbox']);
    expect(Object.keys(doc.paths['/api/admin/teams/{id}'] ?? {}).sort()).toEqual(['delete', 'patch']);
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/api/inbox/')).length).toBeGreaterThanOrEqual(12);
  });
});
