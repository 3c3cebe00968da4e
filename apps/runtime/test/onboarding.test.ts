import { describe, expect, it } from 'vitest';
import { createBot } from '../src/bots/repository';
import { createUser } from '../src/people/users';
import { newId } from '../src/services/secrets';
import { databaseKinds } from './db';
import { loginHeaders, PASSWORD, seedWorkspace } from './fixtures/accounts';
import { helloFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { type Json, useTestServer } from './server';

const done = (body: Json) =>
  Object.fromEntries((body.steps as { id: string; done: boolean }[]).map((s) => [s.id, s.done]));

describe.each(databaseKinds)('first-run checklist on %s', (kind) => {
  const t = useTestServer(kind);
  const ctx = {} as { admin: Record<string, string>; workspaceId: string; botId: string };
  const call = (method: string, path: string, json?: unknown, headers = ctx.admin) =>
    t.current.call(method, path, headers, json);

  it('starts unticked for a workspace with only its admin', async () => {
    const { db, url } = t.current.server;
    ctx.workspaceId = newId();
    await db.insertInto('workspaces').values({ id: ctx.workspaceId, name: 'Fresh' }).execute();
    const tag = ctx.workspaceId.slice(0, 8);
    const email = `solo-${tag}@example.com`;
    await createUser(db, { workspaceId: ctx.workspaceId, email, name: 'Solo', password: PASSWORD, role: 'admin' });
    ctx.botId = (await createBot(db, { workspaceId: ctx.workspaceId, name: 'Bot' })).id;
    ctx.admin = await loginHeaders(url, email);
    const first = await call('GET', '/api/admin/onboarding');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      steps: [
        { id: 'build', done: false },
        { id: 'preview', done: false },
        { id: 'publish', done: false },
        { id: 'embed', done: false },
        { id: 'invite', done: false },
      ],
      dismissed: false,
    });
  });

  it('ticks build, preview, publish, embed (widget loaded) and invite from real state', async () => {
    const created = await call('POST', '/api/admin/flows', { botId: ctx.botId, name: 'Hello', draft: helloFlow() });
    expect(created.status).toBe(201);
    expect(done((await call('GET', '/api/admin/onboarding')).body)).toMatchObject({ build: true, publish: false });

    const previewed = await call('POST', '/api/admin/onboarding/marks', { mark: 'previewed' });
    expect(done(previewed.body)).toMatchObject({ preview: true, embed: false });

    expect((await call('POST', `/api/admin/flows/${created.body.flow.id}/publish`, {})).status).toBe(201);
    expect(done((await call('GET', '/api/admin/onboarding')).body)).toMatchObject({ publish: true, embed: false });

    await new TestVisitor(t.current.server.url, ctx.botId).start();
    expect(done((await call('GET', '/api/admin/onboarding')).body)).toMatchObject({ embed: true, invite: false });

    await createUser(t.current.server.db, {
      workspaceId: ctx.workspaceId,
      email: `mate-${ctx.workspaceId.slice(0, 8)}@example.com`,
      name: 'Mate',
      password: PASSWORD,
      role: 'agent',
    });
    const all = await call('GET', '/api/admin/onboarding');
    expect(Object.values(done(all.body))).toEqual([true, true, true, true, true]);
    expect(all.body.dismissed).toBe(false);
  });

  it('dismissal is stored for the workspace; other workspaces and settings are untouched', async () => {
    const dismissed = await call('POST', '/api/admin/onboarding/marks', { mark: 'dismissed' });
    expect(dismissed.body.dismissed).toBe(true);
    expect((await call('GET', '/api/admin/onboarding')).body.dismissed).toBe(true);
    const other = await seedWorkspace(t.current.server.db, 'other');
    const otherAdmin = await loginHeaders(t.current.server.url, other.admin.email);
    const theirs = await call('GET', '/api/admin/onboarding', undefined, otherAdmin);
    expect(theirs.body.dismissed).toBe(false);
    expect(done(theirs.body)).toMatchObject({ build: false, preview: false, invite: true });
    const otherAgent = await loginHeaders(t.current.server.url, other.agent.email);
    const byAgent = await call('POST', '/api/admin/onboarding/marks', { mark: 'dismissed' }, otherAgent);
    expect(byAgent.status).toBe(403);
    expect((await call('GET', '/api/admin/onboarding', undefined, otherAdmin)).body.dismissed).toBe(false);
  });

  it('rejects an unknown mark with 400 and a signed-out caller with 401', async () => {
    const bad = await call('POST', '/api/admin/onboarding/marks', { mark: 'hacked' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBeTruthy();
    expect((await call('POST', '/api/admin/onboarding/marks', {})).status).toBe(400);
    expect((await call('GET', '/api/admin/onboarding', undefined, {})).status).toBe(401);
  });
});
