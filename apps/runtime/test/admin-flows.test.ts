import { describe, expect, it } from 'vitest';
import { databaseKinds } from './db';
import { seedTwoWorkspaces } from './fixtures/accounts';
import { brokenFlow, helloFlow } from './fixtures/flows';
import { type Json, useTestServer } from './server';

describe.each(databaseKinds)('admin bots and flows API on %s', (kind) => {
  const t = useTestServer(kind);
  const ctx = {} as {
    admin: Record<string, string>;
    agent: Record<string, string>;
    other: Record<string, string>;
    botId: string;
    otherBotId: string;
  };

  const call = (method: string, path: string, headers: Record<string, string>, json?: unknown) =>
    t.current.call(method, path, headers, json);

  it('sets up two workspaces', async () => {
    const { mine, theirs, admin, agent, other } = await seedTwoWorkspaces(t.current.server);
    Object.assign(ctx, { admin, agent, other });
    ctx.botId = mine.bot.id;
    ctx.otherBotId = theirs.bot.id;
  });

  it('lists, reads and patches bots of my workspace only', async () => {
    const list = await call('GET', '/api/admin/bots', ctx.admin);
    expect(list.status).toBe(200);
    expect(list.body.bots.map((bot: Json) => bot.id)).toEqual([ctx.botId]);
    expect((await call('GET', `/api/admin/bots/${ctx.otherBotId}`, ctx.admin)).status).toBe(404);
    expect((await call('GET', '/api/admin/bots/no-such-bot', ctx.admin)).status).toBe(404);

    const patched = await call('PATCH', `/api/admin/bots/${ctx.botId}`, ctx.admin, {
      allowedOrigins: ['https://shop.example'],
      settings: { theme: { primaryColor: '#112233' }, strings: { title: 'Help' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.bot.allowedOrigins).toEqual(['https://shop.example']);
    expect(patched.body.bot.settings.theme).toEqual({ primaryColor: '#112233', position: 'right' });
    expect(patched.body.bot.settings.strings).toEqual({ title: 'Help' });
  });

  it('rejects bad bot input and agents writing', async () => {
    expect(
      (await call('PATCH', `/api/admin/bots/${ctx.botId}`, ctx.admin, { allowedOrigins: ['not a url'] })).status,
    ).toBe(400);
    expect(
      (await call('PATCH', `/api/admin/bots/${ctx.botId}`, ctx.admin, { settings: { theme: { primaryColor: 'red' } } }))
        .status,
    ).toBe(400);
    expect((await call('PATCH', `/api/admin/bots/${ctx.botId}`, ctx.admin, { name: 42 })).status).toBe(400);
    expect((await call('POST', '/api/admin/bots', ctx.admin, {})).status).toBe(400);
    expect((await call('PATCH', `/api/admin/bots/${ctx.botId}`, ctx.agent, { name: 'x' })).status).toBe(403);
    expect((await call('GET', '/api/admin/bots', {})).status).toBe(401);
    const created = await call('POST', '/api/admin/bots', ctx.admin, { name: 'Second' });
    expect(created.status).toBe(201);
    expect(created.body.bot.allowedOrigins).toEqual(['*']);
  });

  it('creates, saves, validates, publishes, lists versions and rolls back a flow', async () => {
    const created = await call('POST', '/api/admin/flows', ctx.admin, {
      botId: ctx.botId,
      name: 'Main',
      draft: helloFlow('v1'),
    });
    expect(created.status).toBe(201);
    const flowId = created.body.flow.id as string;
    expect(created.body.flow).toMatchObject({ botId: ctx.botId, latestVersion: null, live: false });

    const v1 = await call('POST', `/api/admin/flows/${flowId}/publish`, ctx.admin, { note: 'first' });
    expect(v1.status).toBe(201);
    expect(v1.body.version).toMatchObject({ number: 1, note: 'first', publishedByName: 'Alice Admin' });

    const saved = await call('PUT', `/api/admin/flows/${flowId}/draft`, ctx.admin, { draft: helloFlow('v2') });
    expect(saved.status).toBe(200);
    expect(saved.body.flow.draft.blocks[1].data.content.text).toBe('v2');
    const stale = await call('PUT', `/api/admin/flows/${flowId}/draft`, ctx.admin, {
      draft: helloFlow('x'),
      baseUpdatedAt: '2000-01-01T00:00:00.000Z',
    });
    expect(stale.status).toBe(409);

    const v2 = await call('POST', `/api/admin/flows/${flowId}/publish`, ctx.admin, {});
    expect(v2.body.version.number).toBe(2);
    const read = await call('GET', `/api/admin/flows/${flowId}`, ctx.agent);
    expect(read.body.flow).toMatchObject({ latestVersion: 2, live: true });

    const versions = await call('GET', `/api/admin/flows/${flowId}/versions`, ctx.agent);
    expect(versions.body.versions.map((version: Json) => version.number)).toEqual([2, 1]);
    const one = await call('GET', `/api/admin/flows/${flowId}/versions/1`, ctx.agent);
    expect(one.body.version.document.blocks[1].data.content.text).toBe('v1');

    const rolled = await call('POST', `/api/admin/flows/${flowId}/rollback`, ctx.admin, { version: 1 });
    expect(rolled.status).toBe(201);
    expect(rolled.body.version).toMatchObject({ number: 3, note: 'Rollback to version 1' });
    expect(rolled.body.flow.draft.blocks[1].data.content.text).toBe('v1');

    expect((await call('DELETE', `/api/admin/flows/${flowId}`, ctx.admin)).status).toBe(409);
    const bot = await call('GET', `/api/admin/bots/${ctx.botId}`, ctx.admin);
    expect(bot.body.bot.flowId).toBe(flowId);
  });

  it('reports problems and refuses to publish a broken flow', async () => {
    const created = await call('POST', '/api/admin/flows', ctx.admin, {
      botId: ctx.botId,
      name: 'Broken',
      draft: brokenFlow(),
    });
    const flowId = created.body.flow.id as string;
    const validation = await call('POST', `/api/admin/flows/${flowId}/validate`, ctx.agent);
    expect(validation.status).toBe(200);
    expect(validation.body.runnable).toBe(false);
    expect(validation.body.problems.map((problem: Json) => problem.code)).toContain('multiple_starts');
    const posted = await call('POST', `/api/admin/flows/${flowId}/validate`, ctx.agent, { draft: helloFlow() });
    expect(posted.body.problems).toEqual([]);
    const publish = await call('POST', `/api/admin/flows/${flowId}/publish`, ctx.admin, {});
    expect(publish.status).toBe(422);
    expect(publish.body.error.code).toBe('invalid_flow');
    expect(publish.body.error.details.some((problem: Json) => problem.code === 'multiple_starts')).toBe(true);
    expect((await call('DELETE', `/api/admin/flows/${flowId}`, ctx.admin)).status).toBe(204);
    expect((await call('GET', `/api/admin/flows/${flowId}`, ctx.admin)).status).toBe(404);
  });

  it('guards flows by workspace, role and input', async () => {
    expect((await call('POST', '/api/admin/flows', ctx.other, { botId: ctx.botId, name: 'x', draft: {} })).status).toBe(
      404,
    );
    expect((await call('POST', '/api/admin/flows', ctx.agent, { botId: ctx.botId, name: 'x', draft: {} })).status).toBe(
      403,
    );
    expect((await call('POST', '/api/admin/flows', ctx.admin, { botId: ctx.botId, name: '', draft: {} })).status).toBe(
      400,
    );
    expect(
      (await call('POST', '/api/admin/flows', ctx.admin, { botId: ctx.botId, name: 'x', draft: 'text' })).status,
    ).toBe(400);
    expect((await call('GET', '/api/admin/flows/unknown', ctx.admin)).status).toBe(404);
    expect((await call('GET', '/api/admin/flows/unknown/versions/abc', ctx.admin)).status).toBe(400);
    expect((await call('POST', '/api/admin/flows/unknown/rollback', ctx.admin, { version: 'one' })).status).toBe(400);
    const theirs = await call('GET', '/api/admin/flows', ctx.other);
    expect(theirs.body.flows).toEqual([]);
  });

  it("checks a draft's notes and groups when it is saved, while its blocks may be half-edited", async () => {
    const incomplete = { ...helloFlow('x'), blocks: [{ id: 'half', type: 'message', position: { x: 0, y: 0 } }] };
    const created = await call('POST', '/api/admin/flows', ctx.admin, {
      botId: ctx.botId,
      name: 'Canvas',
      draft: incomplete,
    });
    expect(created.status).toBe(201);
    const flowId = created.body.flow.id as string;
    const save = (draft: unknown) => call('PUT', `/api/admin/flows/${flowId}/draft`, ctx.admin, { draft });
    const group = { id: 'g1', title: 'Billing', color: 'green', blockIds: ['half'] };
    const grouped = await save({
      ...incomplete,
      groups: [group],
      notes: [{ id: 'n1', text: 'hi', position: { x: 0, y: 0 } }],
    });
    expect(grouped.status).toBe(200);
    expect(grouped.body.flow.draft.groups).toEqual([group]);

    for (const [bad, says] of [
      [{ groups: [{ ...group, blockIds: [] }] }, 'A group holds at least one block.'],
      [{ groups: [{ ...group, color: 'neon' }] }, 'groups'],
      [{ groups: [{ ...group, title: 'x'.repeat(101) }] }, 'groups'],
      [{ groups: [{ ...group, blockIds: ['half', 'half'] }] }, 'A group lists each block once.'],
      [{ notes: [{ id: 'n1', text: 'x'.repeat(2001), position: { x: 0, y: 0 } }] }, 'notes'],
      [{ notes: 'not a list' }, 'notes'],
    ] as const) {
      const refused = await save({ ...incomplete, ...bad });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.error)).toContain(says);
    }
    // Nothing refused was stored.
    expect((await call('GET', `/api/admin/flows/${flowId}`, ctx.admin)).body.flow.draft.groups).toEqual([group]);
  });
});
