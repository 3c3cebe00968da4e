import { describe, expect, it } from 'vitest';
import { createUser } from '../src/people/users';
import { databaseKinds } from './db';
import { useTestServer } from './server';

const XHR = { 'x-requested-with': 'fetch' };

describe.each(databaseKinds)('auth on %s', (kind) => {
  const t = useTestServer(kind);
  const login = (email: string, password: string, headers: Record<string, string> = XHR) =>
    t.current.request('/api/auth/login', { method: 'POST', headers, json: { email, password } });

  it('signs in, reads /me with the cookie, signs out', async () => {
    const { db } = t.current.server;
    await db.insertInto('workspaces').values({ id: 'ws-auth', name: 'Auth' }).execute();
    await createUser(db, {
      workspaceId: 'ws-auth',
      email: 'Ada@Example.com',
      name: 'Ada',
      password: 'pw-123456',
      role: 'admin',
    });

    expect((await t.current.request('/api/auth/me')).status).toBe(401);
    const response = await login('ada@example.com', 'pw-123456');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { email: 'ada@example.com', role: 'admin', name: 'Ada' } });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/fd_session=[^;]+/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = setCookie.split(';')[0] ?? '';

    const me = await t.current.request('/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: 'ada@example.com' } });
    expect(
      JSON.stringify(await (await t.current.request('/api/auth/me', { headers: { cookie } })).json()),
    ).not.toContain('password');

    const logout = await t.current.request('/api/auth/logout', { method: 'POST', headers: { cookie, ...XHR } });
    expect(logout.status).toBe(204);
    expect((await t.current.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('rejects a wrong password and an unknown email alike', async () => {
    const wrong = await login('ada@example.com', 'nope');
    const unknown = await login('who@example.com', 'nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('validates the body', async () => {
    const missing = await t.current.request('/api/auth/login', {
      method: 'POST',
      headers: XHR,
      json: { email: 'a@b.c' },
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'invalid_request' } });
    const wrongType = await login(42 as unknown as string, 'x');
    expect(wrongType.status).toBe(400);
    const broken = await t.current.request('/api/auth/login', {
      method: 'POST',
      headers: { ...XHR, 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(broken.status).toBe(400);
  });

  it('refuses cross-site writes', async () => {
    const foreign = await login('ada@example.com', 'pw-123456', { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'csrf' } });
    const bare = await login('ada@example.com', 'pw-123456', {});
    expect(bare.status).toBe(403);
    const sameOrigin = await login('ada@example.com', 'pw-123456', { origin: t.current.server.url });
    expect(sameOrigin.status).toBe(200);
  });

  it('rate-limits repeated failures for one account', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) statuses.push((await login('bob@example.com', 'bad')).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    const limited = await login('bob@example.com', 'bad');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
