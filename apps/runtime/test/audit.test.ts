import { describe, expect, it } from 'vitest';
import { databaseKinds } from './db';
import { seedTwoWorkspaces } from './fixtures/accounts';
import { helloFlow } from './fixtures/flows';
import { useTestServer } from './server';

interface Entry {
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName?: string | null;
  actor: { id: string | null; name: string | null; email: string | null };
  data: { status?: number; fields?: string[] };
  createdAt: string;
}

describe.each(databaseKinds)('audit log of admin actions on %s', (kind) => {
  const t = useTestServer(kind);
  const ctx = {} as { admin: Record<string, string>; agent: Record<string, string>; other: Record<string, string> };
  const ids = {} as { adminEmail: string; botId: string; flowId: string; userId: string };

  const call = (method: string, path: string, headers: Record<string, string>, json?: unknown) =>
    t.current.call(method, path, headers, json);
  const entries = async (query = '') => {
    const { status, body } = await call('GET', `/api/admin/audit${query}`, ctx.admin);
    expect(status).toBe(200);
    return (body as { entries: Entry[] }).entries;
  };

  it('records who changed which flow, bot, person and setting, newest first', async () => {
    const { mine, admin, agent, other } = await seedTwoWorkspaces(t.current.server);
    Object.assign(ctx, { admin, agent, other });
    ids.adminEmail = mine.admin.email;
    ids.botId = mine.bot.id;

    const flow = await call('POST', '/api/admin/flows', ctx.admin, {
      botId: ids.botId,
      name: 'Main',
      draft: helloFlow('v1'),
    });
    ids.flowId = (flow.body as { flow: { id: string } }).flow.id;
    expect((await call('POST', `/api/admin/flows/${ids.flowId}/validate`, ctx.admin, {})).status).toBe(200);
    expect(
      (await call('PUT', `/api/admin/flows/${ids.flowId}/draft`, ctx.admin, { draft: helloFlow('v2') })).status,
    ).toBe(200);
    expect((await call('POST', `/api/admin/flows/${ids.flowId}/publish`, ctx.admin, { note: 'go' })).status).toBe(201);
    const user = await call('POST', '/api/admin/users', ctx.admin, {
      email: 'new.agent@example.com',
      name: 'New Agent',
      password: 'secret-password-42',
    });
    ids.userId = (user.body as { user: { id: string } }).user.id;
    // Refused and failed writes are not actions.
    expect(
      (await call('POST', '/api/admin/users', ctx.agent, { email: 'x@example.com', name: 'X', password: 'yyyyyyyy' }))
        .status,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/admin/bots/${ids.botId}`, ctx.admin, { allowedOrigins: ['not an origin'] })).status,
    ).toBe(400);

    const log = await entries();
    expect(log.map((e) => e.action)).toEqual(['users.create', 'flows.publish', 'flows.draft', 'flows.create']);
    expect(log.every((e) => e.actor.email === ids.adminEmail)).toBe(true);
    expect(log[1]).toMatchObject({
      targetType: 'flows',
      targetId: ids.flowId,
      data: { status: 201, fields: ['note'] },
    });
    // Field names are kept, values never: the new user's password is nowhere in the log.
    expect(log[0]?.data.fields).toEqual(['email', 'name', 'password']);
    // Creations name what they created, from the answer.
    expect(log[0]?.targetId).toBe(ids.userId);
    expect(log[3]).toMatchObject({ action: 'flows.create', targetId: ids.flowId });
    // Targets are named as they are called today.
    expect(log.map((e) => e.targetName)).toEqual(['New Agent', 'Main', 'Main', 'Main']);
    expect(JSON.stringify(log)).not.toContain('secret-password-42');
  });

  it('records knowledge sources by title; previews and connection tests are not actions', async () => {
    const source = await call('POST', '/api/admin/knowledge', ctx.admin, {
      kind: 'qa',
      title: 'Shipping FAQ',
      pairs: [{ question: 'Do you ship abroad?', answer: 'Yes, to 30 countries.' }],
    });
    expect(source.status).toBe(201);
    const sourceId = (source.body as { id: string }).id;
    const previewed = await call('POST', '/api/admin/ai/preview-intent', ctx.admin, {
      text: 'where is my parcel',
      intents: [{ id: 'i1', name: 'Order status', phrases: ['where is my order'] }],
    });
    expect(previewed.status).toBe(200);
    const log = await entries();
    expect(log[0]).toMatchObject({ action: 'knowledge.create', targetType: 'knowledge', targetId: sourceId });
    expect(log[0]?.targetName).toBe('Shipping FAQ');
    expect(log.map((e) => e.action)).not.toContain('ai.preview-intent');
  });

  it('pages with limit and before', async () => {
    const all = await entries();
    const first = await entries('?limit=2');
    expect(first.map((e) => e.action)).toEqual(all.slice(0, 2).map((e) => e.action));
    const older = await entries(`?limit=50&before=${encodeURIComponent(first.at(-1)!.createdAt)}`);
    expect(older.every((e) => e.createdAt < first.at(-1)!.createdAt)).toBe(true);
    expect((await call('GET', '/api/admin/audit?limit=0', ctx.admin)).status).toBe(400);
    expect((await call('GET', '/api/admin/audit?before=yesterday', ctx.admin)).status).toBe(400);
  });

  it('is for admins of the same workspace only', async () => {
    expect((await call('GET', '/api/admin/audit', ctx.agent)).status).toBe(403);
    expect((await call('GET', '/api/admin/audit', {})).status).toBe(401);
    const theirs = await call('GET', '/api/admin/audit', ctx.other);
    expect(theirs.status).toBe(200);
    expect((theirs.body as { entries: Entry[] }).entries).toEqual([]);
  });
});
