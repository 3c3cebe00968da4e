import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/people/users';
import { withConversation } from '../../src/services/conversation-tx';
import { databaseKinds } from '../db';
import { loginHeaders, PASSWORD } from '../fixtures/accounts';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useTestServer } from '../server';
import {
  closedWithin,
  expectNoteNotReceived,
  followingSocket,
  helloConversation,
  note,
  received,
} from './revocation-helpers';

/**
 * For the suite's server: `setup()` seeds a workspace with a visitor's conversation and signs its admin and
 * agent in; `follow` opens a socket with that session cookie, receiving the conversation's notes;
 * `agentTeam` has the admin create a team (named `name` and a random suffix) whose only member is the agent.
 */
function revocationFixtures(t: ReturnType<typeof useTestServer>) {
  async function setup() {
    const { db, url } = t.current.server;
    const { visitor, ...seeded } = await helloConversation(db, url);
    const admin = await loginHeaders(url, seeded.admin.email);
    const agent = await loginHeaders(url, seeded.agent.email);
    return { ...seeded, conversationId: visitor.conversationId, adminHeaders: admin, agentHeaders: agent };
  }
  const follow = (cookie: string, conversationId: string) =>
    followingSocket(t.current.server.services, t.current.server.url, cookie, conversationId);
  const agentTeam = (s: Awaited<ReturnType<typeof setup>>, name: string) =>
    t.current.call('POST', '/api/admin/teams', s.adminHeaders, {
      name: `${name} ${Math.random()}`,
      memberIds: [s.agent.id],
    });
  return { setup, follow, agentTeam };
}

describe.each(databaseKinds)('dashboard sockets end with the rights they were opened with (%s)', (kind) => {
  // The default heartbeat (30 s): what closes the sockets here is the revoke, not the heartbeat's sweep.
  const t = useTestServer(kind);

  const { setup, follow, agentTeam } = revocationFixtures(t);

  it('logout closes the open socket of that session with 4401, not the same user’s other sessions', async () => {
    const s = await setup();
    const other = await loginHeaders(t.current.server.url, s.agent.email);
    const socket = await follow(s.agentHeaders.cookie, s.conversationId);
    const otherSocket = await follow(other.cookie, s.conversationId);
    expect((await t.current.call('POST', '/api/auth/logout', s.agentHeaders)).status).toBe(204);
    expect(await closedWithin(socket)).toBe(4401);
    await expectNoteNotReceived(t.current.server.services, socket, s.conversationId);
    expect(otherSocket.ws.readyState).toBe(otherSocket.ws.OPEN);
    await otherSocket.close();
  });

  it('deleting the user closes their socket', async () => {
    const s = await setup();
    const socket = await follow(s.agentHeaders.cookie, s.conversationId);
    expect((await t.current.call('DELETE', `/api/admin/users/${s.agent.id}`, s.adminHeaders)).status).toBe(204);
    expect(await closedWithin(socket)).toBe(4401);
    await expectNoteNotReceived(t.current.server.services, socket, s.conversationId);
  });

  it('a password set by an admin ends every session of that user and closes their sockets', async () => {
    const s = await setup();
    const socket = await follow(s.agentHeaders.cookie, s.conversationId);
    const patch = { password: 'another-password-2' };
    expect((await t.current.call('PATCH', `/api/admin/users/${s.agent.id}`, s.adminHeaders, patch)).status).toBe(200);
    expect(await closedWithin(socket)).toBe(4401);
    await expectNoteNotReceived(t.current.server.services, socket, s.conversationId);
    expect((await t.current.call('GET', '/api/auth/me', s.agentHeaders)).status).toBe(401);
  });

  it('changing my own password ends my other sessions and their sockets; this session stays', async () => {
    const s = await setup();
    const elsewhere = await loginHeaders(t.current.server.url, s.admin.email);
    const here = await follow(s.adminHeaders.cookie, s.conversationId);
    const there = await follow(elsewhere.cookie, s.conversationId);
    const patch = { password: 'another-password-2' };
    expect((await t.current.call('PATCH', `/api/admin/users/${s.admin.id}`, s.adminHeaders, patch)).status).toBe(200);
    expect(await closedWithin(there)).toBe(4401);
    expect((await t.current.call('GET', '/api/auth/me', elsewhere)).status).toBe(401);
    expect((await t.current.call('GET', '/api/auth/me', s.adminHeaders)).status).toBe(200);
    const still = `still here ${Math.random()}`;
    await note(t.current.server.services, s.conversationId, still);
    await here.until(() => received(here, still));
    expect(received(there, still)).toBe(false);
    await here.close();
  });

  it("removing the agent from a team stops that team's conversation events (socket closed with 4403)", async () => {
    const s = await setup();
    const team = await agentTeam(s, 'Billing');
    expect(team.status).toBe(201);
    await withConversation(t.current.server.services, s.conversationId, (tx) =>
      tx.update({ team_id: team.body.team.id }),
    );
    const socket = await follow(s.agentHeaders.cookie, s.conversationId);
    const path = `/api/admin/teams/${team.body.team.id}`;
    expect((await t.current.call('PATCH', path, s.adminHeaders, { memberIds: [] })).status).toBe(200);
    expect(await closedWithin(socket)).toBe(4403);
    await expectNoteNotReceived(t.current.server.services, socket, s.conversationId);
    // Reconnecting gets the rights of now: the team's conversation is refused.
    const again = await TestSocket.open(wsUrl(t.current.server.url), { headers: { cookie: s.agentHeaders.cookie } });
    again.send({ type: 'subscribe', conversationId: s.conversationId, afterSeq: 0 });
    await again.until((frames) => frames.some((frame) => frame.type === 'error' && frame.code === 'forbidden'));
    await again.close();
  });

  it('deleting a team closes its members’ sockets; demoting an admin closes theirs', async () => {
    const s = await setup();
    const team = await agentTeam(s, 'Sales');
    const agentSocket = await follow(s.agentHeaders.cookie, s.conversationId);
    expect((await t.current.call('DELETE', `/api/admin/teams/${team.body.team.id}`, s.adminHeaders)).status).toBe(204);
    expect(await closedWithin(agentSocket)).toBe(4403);

    const second = await createUser(t.current.server.db, {
      workspaceId: s.workspaceId,
      email: `second-${s.workspaceId.slice(0, 8)}@example.com`,
      name: 'Second Admin',
      password: PASSWORD,
      role: 'admin',
    });
    const secondHeaders = await loginHeaders(t.current.server.url, second.email);
    const adminSocket = await follow(secondHeaders.cookie, s.conversationId);
    const demote = await t.current.call('PATCH', `/api/admin/users/${second.id}`, s.adminHeaders, { role: 'agent' });
    expect(demote.status).toBe(200);
    expect(await closedWithin(adminSocket)).toBe(4403);
    // Renaming someone changes no rights: their socket stays.
    const rename = await t.current.call('PATCH', `/api/admin/users/${s.agent.id}`, s.adminHeaders, { name: 'Andy B' });
    expect(rename.status).toBe(200);
    const kept = await follow(s.agentHeaders.cookie, s.conversationId);
    await t.current.call('PATCH', `/api/admin/users/${s.agent.id}`, s.adminHeaders, { name: 'Andy C' });
    expect(await closedWithin(kept, 500)).toBe(-1);
    await kept.close();
  });
});

describe.each(databaseKinds)('without a revoke, the heartbeat finds what changed (%s)', (kind) => {
  const t = useTestServer(kind, { WS_HEARTBEAT_MS: 1000 });

  const { setup, follow } = revocationFixtures(t);

  it('a socket is closed when its session expires', async () => {
    const s = await setup();
    const { db } = t.current.server;
    const socket = await follow(s.agentHeaders.cookie, s.conversationId);
    await db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + 500) })
      .where('user_id', '=', s.agent.id)
      .execute();
    expect(await closedWithin(socket, 6000)).toBe(4401);
  });

  it('a team membership removed behind the API (a lost NOTIFY) closes the socket at the next heartbeat', async () => {
    const s = await setup();
    const { db, services } = t.current.server;
    const teamId = `team-${Math.random()}`;
    await db.insertInto('teams').values({ id: teamId, workspace_id: s.workspaceId, name: teamId }).execute();
    await db.insertInto('team_members').values({ team_id: teamId, user_id: s.agent.id }).execute();
    await withConversation(services, s.conversationId, (tx) => tx.update({ team_id: teamId }));
    const socket = await follow(s.agentHeaders.cookie, s.conversationId);
    await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
    expect(await closedWithin(socket, 6000)).toBe(4403);
  });
});
