import { describe, expect, it } from 'vitest';
import { loginHeaders, seedWorkspace, XHR } from './fixtures/accounts';
import { useTestServer } from './server';

/** PATCH /api/auth/me (own name and avatar) and the admin users patch setting someone's avatar. */

const PICTURE = 'https://cdn.example.com/people/andy.png';

describe('profile: name and avatar', () => {
  const t = useTestServer('pglite');

  async function seed() {
    const { db, url } = t.current.server;
    const workspace = await seedWorkspace(db, `profile-${Date.now()}`);
    return {
      ...workspace,
      adminHeaders: await loginHeaders(url, workspace.admin.email),
      agentHeaders: await loginHeaders(url, workspace.agent.email),
    };
  }

  it('lets any user change their own name and avatar, and remove the avatar', async () => {
    const { agentHeaders, agent } = await seed();
    const changed = await t.current.call('PATCH', '/api/auth/me', agentHeaders, {
      name: ' Andy A. ',
      avatarUrl: PICTURE,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ id: agent.id, name: 'Andy A.', avatarUrl: PICTURE, role: 'agent' });
    const me = await t.current.call('GET', '/api/auth/me', agentHeaders);
    expect(me.body.user).toMatchObject({ name: 'Andy A.', avatarUrl: PICTURE });
    const teammates = await t.current.call('GET', '/api/inbox/teammates', agentHeaders);
    expect(teammates.body.users.find((u: { id: string }) => u.id === agent.id).avatarUrl).toBe(PICTURE);

    const cleared = await t.current.call('PATCH', '/api/auth/me', agentHeaders, { avatarUrl: '' });
    expect(cleared.body.user).toMatchObject({ name: 'Andy A.', avatarUrl: null });
    const http = await t.current.call('PATCH', '/api/auth/me', agentHeaders, { avatarUrl: 'http://x.test/a.jpg' });
    expect(http.body.user.avatarUrl).toBe('http://x.test/a.jpg');
    const nulled = await t.current.call('PATCH', '/api/auth/me', agentHeaders, { avatarUrl: null });
    expect(nulled.body.user.avatarUrl).toBeNull();
  });

  it('refuses avatars that are not http(s) and other bad input with 400 and a message', async () => {
    const { agentHeaders } = await seed();
    for (const avatarUrl of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:image/png;base64,iVBORw0KGgo=',
      'ftp://example.com/a.png',
      '/relative/a.png',
      'not a url',
      `https://example.com/${'a'.repeat(2_001)}`,
    ]) {
      const answer = await t.current.call('PATCH', '/api/auth/me', agentHeaders, { avatarUrl });
      expect(answer.status, avatarUrl.slice(0, 40)).toBe(400);
      expect(answer.body.error.message).toEqual(expect.any(String));
    }
    const js = await t.current.call('PATCH', '/api/auth/me', agentHeaders, { avatarUrl: 'javascript:alert(1)' });
    expect(JSON.stringify(js.body.error.details)).toContain('http:// or https://');
    expect((await t.current.call('PATCH', '/api/auth/me', agentHeaders, {})).status).toBe(400);
    expect((await t.current.call('PATCH', '/api/auth/me', agentHeaders, { name: '  ' })).status).toBe(400);
    // Only name and avatar: no role or email through this route.
    expect((await t.current.call('PATCH', '/api/auth/me', agentHeaders, { role: 'admin' })).status).toBe(400);
    const me = await t.current.call('GET', '/api/auth/me', agentHeaders);
    expect(me.body.user).toMatchObject({ role: 'agent', avatarUrl: null, name: 'Andy Agent' });
  });

  it('needs a session and the CSRF header', async () => {
    expect((await t.current.call('PATCH', '/api/auth/me', { ...XHR }, { name: 'X' })).status).toBe(401);
    const { agentHeaders } = await seed();
    const { cookie } = agentHeaders;
    expect((await t.current.call('PATCH', '/api/auth/me', { cookie }, { name: 'X' })).status).toBe(403);
  });

  it('admins set anyone’s avatar through the users patch; agents cannot edit another’s profile', async () => {
    const { adminHeaders, agentHeaders, admin, agent } = await seed();
    const set = await t.current.call('PATCH', `/api/admin/users/${agent.id}`, adminHeaders, { avatarUrl: PICTURE });
    expect(set.status).toBe(200);
    expect(set.body.user).toMatchObject({ id: agent.id, avatarUrl: PICTURE });
    const bad = await t.current.call('PATCH', `/api/admin/users/${agent.id}`, adminHeaders, {
      avatarUrl: 'data:text/html,<script>alert(1)</script>',
    });
    expect(bad.status).toBe(400);

    const denied = await t.current.call('PATCH', `/api/admin/users/${admin.id}`, agentHeaders, {
      name: 'Hacked',
      avatarUrl: 'https://evil.example/x.png',
    });
    expect(denied.status).toBe(403);
    const adminNow = await t.current.call('GET', '/api/auth/me', adminHeaders);
    expect(adminNow.body.user).toMatchObject({ name: 'Alice Admin', avatarUrl: null });
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await (await t.current.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths['/api/auth/me']?.patch?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403']);
  });
});
