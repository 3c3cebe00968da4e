import { describe, expect, it } from 'vitest';
import { loginHeaders } from '../fixtures/accounts';
import { useTwoInstances } from '../server';
import { closedWithin, expectNoteNotReceived, followingSocket, helloConversation } from './revocation-helpers';

describe('a session ended on one instance closes its sockets on the others (PostgreSQL)', () => {
  const instances = useTwoInstances();

  it('logout through A closes the socket held on B; a team change through B closes the socket on A', async () => {
    const { database, a, b } = instances.current;
    const { agent, admin, visitor } = await helloConversation(database.db, a.url);
    const headers = await loginHeaders(a.url, agent.email);
    const onB = await followingSocket(b.services, b.url, headers.cookie, visitor.conversationId);
    const logout = await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers });
    expect(logout.status).toBe(204);
    expect(await closedWithin(onB)).toBe(4401);
    await expectNoteNotReceived(a.services, onB, visitor.conversationId);

    const adminHeaders = { ...(await loginHeaders(b.url, admin.email)), 'content-type': 'application/json' };
    const created = await fetch(`${b.url}/api/admin/teams`, {
      method: 'POST',
      headers: adminHeaders,
      body: JSON.stringify({ name: 'Support', memberIds: [agent.id] }),
    });
    const { team } = (await created.json()) as { team: { id: string } };
    const again = await loginHeaders(a.url, agent.email);
    const onA = await followingSocket(a.services, a.url, again.cookie, visitor.conversationId);
    const patched = await fetch(`${b.url}/api/admin/teams/${team.id}`, {
      method: 'PATCH',
      headers: adminHeaders,
      body: JSON.stringify({ memberIds: [] }),
    });
    expect(patched.status).toBe(200);
    expect(await closedWithin(onA)).toBe(4403);
  });
});
