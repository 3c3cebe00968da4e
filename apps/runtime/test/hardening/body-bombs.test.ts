import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../db';
import { seedTwoWorkspaces } from '../fixtures/accounts';
import { helloFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';

/** `body` as JSON with the placeholder "DEEP" replaced by a 5,000-deep array (too deep to stringify here). */
const withDeep = (body: unknown) => JSON.stringify(body).replace('"DEEP"', `${'['.repeat(5000)}${']'.repeat(5000)}`);
const bomb = (keys: number) => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));

describe.each(databaseKinds)('bodies built to hurt the server (%s)', (kind) => {
  const t = useTestServer(kind);

  it('variable bombs are refused at the edge with a clear 400; the allowed amount starts the bot', async () => {
    const { mine } = await seedTwoWorkspaces(t.current.server);
    const url = `${t.current.server.url}/api/public/bots/${mine.bot.id}/sessions`;
    const post = (body: unknown) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await post({ variables: bomb(10_000) });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/At most 100 variables/);
    expect((await post({ variables: bomb(100) })).status).toBe(200);

    const visitor = new TestVisitor(t.current.server.url, mine.bot.id);
    await visitor.start();
    const patch = (variables: unknown) =>
      fetch(`${t.current.server.url}/api/public/visitor`, {
        method: 'PATCH',
        headers: visitor.headers(),
        body: JSON.stringify({ variables }),
      });
    expect((await patch(bomb(101))).status).toBe(400);
    const batch = (from: number) => Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`v${from + i}`, i]));
    expect((await patch(batch(0))).status).toBe(200);
    expect((await patch(batch(100))).status).toBe(200);
    const third = await patch(batch(200));
    expect(third.status).toBe(400);
    expect(JSON.stringify(await third.json())).toMatch(/at most 200 variables/);
  });

  it('deep JSON gets a 400 naming the limit, on every kind of route, never a 500', async () => {
    const { mine, admin } = await seedTwoWorkspaces(t.current.server);
    const send = (method: string, path: string, headers: Record<string, string>, body: unknown) =>
      fetch(`${t.current.server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: withDeep(body),
      });
    const flow = helloFlow();
    const nested = { ...flow, blocks: [{ ...flow.blocks[0]!, data: { junk: 'DEEP' } }, ...flow.blocks.slice(1)] };
    const created = await send('POST', '/api/admin/flows', admin, { botId: mine.bot.id, name: 'x', draft: nested });
    expect(created.status).toBe(400);
    expect(JSON.stringify(await created.json())).toMatch(/nested 500\d levels deep; at most 64/);
    const ok = await t.current.call('POST', '/api/admin/flows', admin, { botId: mine.bot.id, name: 'x', draft: flow });
    expect(ok.status).toBe(201);
    expect((await send('PUT', `/api/admin/flows/${ok.body.flow.id}/draft`, admin, { draft: nested })).status).toBe(400);
    const settings = { settings: { strings: { title: 'x' }, extra: 'DEEP' } };
    expect((await send('PATCH', `/api/admin/bots/${mine.bot.id}`, admin, settings)).status).toBe(400);
    const session = await send('POST', `/api/public/bots/${mine.bot.id}/sessions`, {}, { variables: { a: 'DEEP' } });
    expect(session.status).toBe(400);
  });
});
