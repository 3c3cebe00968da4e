import { PASSWORD_RESET_SENT } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { peopleDb } from '../../src/people/tables';
import { createUser } from '../../src/people/users';
import { databaseKinds } from '../db';
import { loginHeaders, PASSWORD, XHR } from '../fixtures/accounts';
import { linkToken, tampered, usePeopleServer } from './harness';

const me = (s: ReturnType<typeof usePeopleServer>, headers: Record<string, string>) =>
  s.call('GET', '/api/auth/me', headers).then((answer) => answer.status);

/** Forgotten passwords by email and changing one's own password (issue 20 item 6). */
describe.each(databaseKinds)('passwords on %s', (kind) => {
  const s = usePeopleServer(kind);

  async function person(label: string) {
    const email = `${label}.${kind}@example.com`;
    await createUser(s.db, {
      workspaceId: s.ws.workspaceId,
      email,
      name: 'Pat Person',
      password: PASSWORD,
      role: 'agent',
    });
    return email;
  }

  it('forgot password: the same answer for any address; the emailed link sets a new password once and ends every session', async () => {
    const email = await person('pat');
    const laptop = await loginHeaders(s.url, email);
    const phone = await loginHeaders(s.url, email);

    const unknown = await s.post('/api/auth/password-reset', { email: `nobody.${kind}@example.com` });
    const known = await s.post('/api/auth/password-reset', { email: email.toUpperCase() });
    expect(unknown).toEqual({ status: 202, body: { message: PASSWORD_RESET_SENT }, cookie: '' });
    expect(known).toEqual(unknown);
    const mail = await s.nthEmailTo(email, 1);
    expect(mail.payload.subject).toBe('Choose a new Flowdesk password');
    expect(mail.payload.text).toContain('This link works once, for 1 hour.');
    expect(mail.payload.html).not.toContain('Unsubscribe');
    expect(s.emailsTo(`nobody.${kind}@example.com`)).toEqual([]);
    const token = linkToken(mail, 'reset-password');

    const info = await s.call('GET', `/api/auth/password-reset?token=${encodeURIComponent(token)}`, {});
    expect(info.body).toMatchObject({ kind: 'reset', email, name: 'Pat Person' });
    const minutes = (Date.parse(info.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
    // An invite page cannot use a reset link, nor a changed one.
    expect((await s.post('/api/auth/invite/accept', { token, password: 'new-password-9' })).body.error.code).toBe(
      'link_invalid',
    );
    expect(
      (await s.post('/api/auth/password-reset/confirm', { token: tampered(token), password: 'new-password-9' })).body
        .error.code,
    ).toBe('link_invalid');
    const short = await s.post('/api/auth/password-reset/confirm', { token, password: '1234567' });
    expect(short.body.error.message).toBe('password: Use at least 8 characters');

    const done = await s.post('/api/auth/password-reset/confirm', { token, password: 'new-password-9' });
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe(email);
    // Every earlier session ended; this browser is signed in with a new one.
    expect(await me(s, laptop)).toBe(401);
    expect(await me(s, phone)).toBe(401);
    expect(await me(s, { cookie: done.cookie })).toBe(200);
    await expect(loginHeaders(s.url, email)).rejects.toThrow(/401/);
    await loginHeaders(s.url, email, 'new-password-9');
    const again = await s.post('/api/auth/password-reset/confirm', { token, password: 'another-one-8' });
    expect(again.body.error).toMatchObject({ code: 'link_used', message: expect.stringContaining('already used') });
  });

  it('a newer reset email replaces the older link; an expired link says so', async () => {
    const email = await person('quinn');
    await s.post('/api/auth/password-reset', { email });
    const first = linkToken(await s.nthEmailTo(email, 1), 'reset-password');
    await s.post('/api/auth/password-reset', { email });
    const second = linkToken(await s.nthEmailTo(email, 2), 'reset-password');
    expect(
      (await s.post('/api/auth/password-reset/confirm', { token: first, password: 'quinn-pass-1' })).body.error.code,
    ).toBe('link_revoked');
    await peopleDb(s.db)
      .updateTable('password_links')
      .set({ expires_at: new Date(Date.now() - 1) })
      .where('kind', '=', 'reset')
      .where('used_at', 'is', null)
      .execute();
    const expired = await s.post('/api/auth/password-reset/confirm', { token: second, password: 'quinn-pass-1' });
    expect(expired.body.error).toMatchObject({
      code: 'link_expired',
      message: 'This link has expired. Ask for a new one.',
    });
    await loginHeaders(s.url, email); // the password did not change
  });

  it('reset requests are rate-limited per address asked for, with the same answer before the limit', async () => {
    const email = `limit.${kind}@example.com`;
    for (let i = 0; i < 3; i++) expect((await s.post('/api/auth/password-reset', { email })).status).toBe(202);
    const limited = await s.post('/api/auth/password-reset', { email });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toBe('Too many reset requests; try again in 15 min');
    const bad = await s.post('/api/auth/password-reset', { email: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('email: Enter a valid email address');
    const csrf = await fetch(`${s.url}/api/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    expect(csrf.status).toBe(403);
  });

  it('change my own password: the current one is required; my other sessions end, this one stays', async () => {
    const email = await person('rae');
    const here = await loginHeaders(s.url, email);
    const elsewhere = await loginHeaders(s.url, email);
    const wrong = await s.call('POST', '/api/auth/password', here, {
      currentPassword: 'wrong',
      newPassword: 'rae-new-pass-1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'wrong_password', message: 'Your current password is not right' });
    const short = await s.call('POST', '/api/auth/password', here, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.body.error.message).toBe('newPassword: Use at least 8 characters');
    expect(await me(s, elsewhere)).toBe(200);

    const changed = await s.call('POST', '/api/auth/password', here, {
      currentPassword: PASSWORD,
      newPassword: 'rae-new-pass-1',
    });
    expect(changed).toEqual({ status: 200, body: { endedSessions: 1 } });
    expect(await me(s, here)).toBe(200);
    expect(await me(s, elsewhere)).toBe(401);
    await expect(loginHeaders(s.url, email)).rejects.toThrow(/401/);
    await loginHeaders(s.url, email, 'rae-new-pass-1');
    expect(
      (await s.call('POST', '/api/auth/password', { ...XHR }, { currentPassword: 'x', newPassword: 'y'.repeat(9) }))
        .status,
    ).toBe(401);
  });
});
