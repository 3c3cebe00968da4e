import { describe, expect, it } from 'vitest';
import { peopleDb } from '../../src/people/tables';
import { databaseKinds } from '../db';
import { loginHeaders, XHR } from '../fixtures/accounts';
import { linkToken, PUBLIC_URL, tampered, usePeopleServer } from './harness';

/** Invites by email (issue 20 item 6): the admin invites, the invitee chooses a password through the emailed link. */
describe.each(databaseKinds)('invites on %s', (kind) => {
  const s = usePeopleServer(kind);

  async function team(name: string) {
    const created = await s.call('POST', '/api/admin/teams', s.admin, { name });
    expect(created.status).toBe(201);
    return created.body.team.id as string;
  }

  it('invites by email; the link sets the password once, signs in, with the role and teams', async () => {
    const billing = await team(`Billing ${kind}`);
    const email = `nia.${kind}@example.com`;
    const invited = await s.call('POST', '/api/admin/invites', s.admin, {
      email: ` Nia.${kind}@Example.com `,
      name: 'Nia Newcomer',
      role: 'agent',
      teamIds: [billing],
    });
    expect(invited.status).toBe(201);
    expect(invited.body.invite).toMatchObject({ email, name: 'Nia Newcomer', status: 'invited', teamIds: [billing] });
    expect(invited.body.invite.invitedBy).toBe('Alice Admin');
    const hours = (Date.parse(invited.body.invite.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const list = await s.call('GET', '/api/admin/invites', s.admin);
    expect(list.body.invites.map((i: { email: string }) => i.email)).toContain(email);

    // The email, sent by the outbox worker through the Resend SDK.
    const mail = await s.nthEmailTo(email, 1);
    expect(mail.payload.subject).toContain('Alice Admin invited you to');
    expect(mail.payload.html).toContain(`${PUBLIC_URL}/app/accept-invite?token=`);
    expect(mail.payload.text).toContain('This link works once, for 72 hours.');
    const token = linkToken(mail, 'accept-invite');
    // Only the hash of the token is stored.
    const stored = await peopleDb(s.db).selectFrom('password_links').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash).join()).not.toContain(token);

    const info = await s.call('GET', `/api/auth/invite?token=${encodeURIComponent(token)}`, {});
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ kind: 'invite', email, name: 'Nia Newcomer' });
    expect(info.body.workspaceName).toMatch(/^people /);

    const short = await s.post('/api/auth/invite/accept', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe('password: Use at least 8 characters');
    const bad = await s.post('/api/auth/invite/accept', { token: tampered(token), password: 'nia-password-1' });
    expect(bad.body.error).toMatchObject({ code: 'link_invalid' });
    expect(bad.body.error.message).toContain('This link is not valid');

    const accepted = await s.post('/api/auth/invite/accept', { token, password: 'nia-password-1' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email, name: 'Nia Newcomer', role: 'agent' });
    expect(accepted.cookie).toMatch(/^fd_session=/);
    const me = await s.call('GET', '/api/auth/me', { cookie: accepted.cookie });
    expect(me.body.user.email).toBe(email);
    const teams = await s.call('GET', '/api/admin/teams', s.admin);
    const members = teams.body.teams.find((t: { id: string }) => t.id === billing).memberIds;
    expect(members).toContain(accepted.body.user.id);
    // No longer an invite; the password signs in; the link is spent.
    expect((await s.call('GET', '/api/admin/invites', s.admin)).body.invites).toEqual([]);
    await loginHeaders(s.url, email, 'nia-password-1');
    const again = await s.post('/api/auth/invite/accept', { token, password: 'other-password-2' });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 'link_used', message: expect.stringContaining('already used') });
    expect((await s.call('GET', `/api/auth/invite?token=${encodeURIComponent(token)}`, {})).body.error.code).toBe(
      'link_used',
    );
    const audit = await s.call('GET', '/api/admin/audit', s.admin);
    expect(JSON.stringify(audit.body)).toContain('invites.create');
  });

  it('resend replaces the link; revoke ends it; an expired link says so', async () => {
    const email = `omar.${kind}@example.com`;
    const { body } = await s.call('POST', '/api/admin/invites', s.admin, { email, name: 'Omar', role: 'admin' });
    const first = linkToken(await s.nthEmailTo(email, 1), 'accept-invite');
    const resent = await s.call('POST', `/api/admin/invites/${body.invite.id}/resend`, s.admin);
    expect(resent.status).toBe(200);
    const second = linkToken(await s.nthEmailTo(email, 2), 'accept-invite');
    expect(second).not.toBe(first);
    const old = await s.post('/api/auth/invite/accept', { token: first, password: 'omar-password-1' });
    expect(old.body.error).toMatchObject({ code: 'link_revoked', message: expect.stringContaining('newer one') });

    // The link's time runs out (its row; the signed expiry is checked too).
    await peopleDb(s.db)
      .updateTable('password_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('invite_id', '=', body.invite.id)
      .execute();
    await peopleDb(s.db)
      .updateTable('user_invites')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', body.invite.id)
      .execute();
    const expired = await s.post('/api/auth/invite/accept', { token: second, password: 'omar-password-1' });
    expect(expired.body.error).toMatchObject({ code: 'link_expired', message: expect.stringContaining('expired') });
    const listed = await s.call('GET', '/api/admin/invites', s.admin);
    expect(listed.body.invites.find((i: { id: string }) => i.id === body.invite.id).status).toBe('expired');

    await s.call('POST', `/api/admin/invites/${body.invite.id}/resend`, s.admin);
    const third = linkToken(await s.nthEmailTo(email, 3), 'accept-invite');
    expect((await s.call('DELETE', `/api/admin/invites/${body.invite.id}`, s.admin)).status).toBe(204);
    const revoked = await s.post('/api/auth/invite/accept', { token: third, password: 'omar-password-1' });
    expect(revoked.body.error.code).toBe('link_revoked');
    expect((await s.call('DELETE', `/api/admin/invites/${body.invite.id}`, s.admin)).status).toBe(404);
  });

  it('two clicks on the same link at once: one becomes the user, the other is told the link was used', async () => {
    const email = `race.${kind}@example.com`;
    await s.call('POST', '/api/admin/invites', s.admin, { email, name: 'Rae Race' });
    const token = linkToken(await s.nthEmailTo(email, 1), 'accept-invite');
    const answers = await Promise.all([
      s.post('/api/auth/invite/accept', { token, password: 'first-click-1' }),
      s.post('/api/auth/invite/accept', { token, password: 'second-click-2' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    expect(answers.find((a) => a.status === 400)?.body.error.code).toBe('link_used');
    const users = await s.db.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(users).toHaveLength(1);
  });

  it('refuses bad invites with clear 4xx answers; only admins invite', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ email: 'not-an-email', name: 'X' }, 400, 'email: Enter a valid email address'],
      [{ email: 'x@example.com', name: '  ' }, 400, 'name: Enter a name'],
      [{ email: 'x@example.com', name: 'X', role: 'owner' }, 400, 'role:'],
      [{ email: 'x@example.com', name: 'X', teamIds: ['nope'] }, 400, 'Some teams are not teams of this workspace'],
      [{ email: s.ws.agent.email, name: 'X' }, 409, 'already has an account'],
    ];
    for (const [body, status, message] of cases) {
      const answer = await s.call('POST', '/api/admin/invites', s.admin, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.message).toContain(message);
    }
    const email = `twice.${kind}@example.com`;
    expect((await s.call('POST', '/api/admin/invites', s.admin, { email, name: 'T' })).status).toBe(201);
    const twice = await s.call('POST', '/api/admin/invites', s.admin, { email, name: 'T' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('already invited');

    const agent = await loginHeaders(s.url, s.ws.agent.email);
    expect((await s.call('POST', '/api/admin/invites', agent, { email: 'y@example.com', name: 'Y' })).status).toBe(403);
    expect((await s.call('GET', '/api/admin/invites', { ...XHR })).status).toBe(401);
    const garbage = await s.call('GET', '/api/auth/invite?token=abc', {});
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toContain('incomplete');
  });
});
