import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_BOT_ID, DEMO_FLOW_ID, DEMO_TEAM_ID, DEMO_USERS, seedDemo } from '../src/seed/demo';
import { type RunningServer, startServer } from '../src/server';
import { databaseKinds, useTestDatabase } from './db';
import { loginHeaders } from './fixtures/accounts';
import { TestVisitor } from './fixtures/visitor';
import { useTestServer } from './server';

describe.each(databaseKinds)('demo seed on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('creates the demo workspace once, however often and concurrently it runs', async () => {
    const { db } = database.current;
    await Promise.all([seedDemo(db), seedDemo(db)]);
    await seedDemo(db);
    const count = async (table: 'users' | 'bots' | 'flows' | 'flow_versions' | 'teams' | 'team_members') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('users')).toBe(2);
    expect(await count('bots')).toBe(1);
    expect(await count('flows')).toBe(1);
    expect(await count('flow_versions')).toBe(1);
    expect(await count('teams')).toBe(1);
    expect(await count('team_members')).toBe(1);
    const { rows } = await sql<{
      is_default: boolean;
    }>`select is_default from teams where id = ${DEMO_TEAM_ID}`.execute(db);
    expect(rows[0]?.is_default).toBe(true);
    const bot = await db.selectFrom('bots').selectAll().where('id', '=', DEMO_BOT_ID).executeTakeFirstOrThrow();
    expect(bot.flow_id).not.toBeNull();
    expect(bot.allowed_origins).toEqual(['*']);
  });

  it('a restart with the seed on keeps what the admin changed', async () => {
    const { db } = database.current;
    await seedDemo(db);
    await sql`update teams set is_default = false where id = ${DEMO_TEAM_ID}`.execute(db);
    await db.deleteFrom('team_members').where('team_id', '=', DEMO_TEAM_ID).execute();
    await db.deleteFrom('users').where('email', '=', DEMO_USERS[1]!.email).execute();
    await seedDemo(db);
    const { rows } = await sql<{
      is_default: boolean;
    }>`select is_default from teams where id = ${DEMO_TEAM_ID}`.execute(db);
    expect(rows[0]?.is_default).toBe(false);
    expect(await db.selectFrom('team_members').selectAll().where('team_id', '=', DEMO_TEAM_ID).execute()).toEqual([]);
    expect(await db.selectFrom('users').select('id').where('email', '=', DEMO_USERS[1]!.email).execute()).toEqual([]);
  });
});

describe('a started demo runtime', () => {
  const t = useTestServer('pglite', { SEED_DEMO: true });

  it('lets the printed demo logins sign in and the demo bot chat', async () => {
    for (const user of DEMO_USERS) {
      const response = await t.current.request('/api/auth/login', {
        method: 'POST',
        headers: { 'x-requested-with': 'test' },
        json: { email: user.email, password: user.password },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ user: { role: user.role } });
    }
    const visitor = new TestVisitor(t.current.server.url, DEMO_BOT_ID);
    const session = await visitor.start();
    expect(session.settings.botName).toBe('Acme Assistant');
    expect(session.conversation.awaiting).toMatchObject({ type: 'choice' });
  });

  it('serves a demo page that embeds the demo bot', async () => {
    const response = await t.current.request('/demo');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('/widget/loader.js');
    expect(page).toContain(`"botId":"${DEMO_BOT_ID}"`);
    // Its own icon: without one the browser asks for /favicon.ico, a 404 in the console of everyone trying the demo.
    expect(page).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
    expect((await t.current.request('/demo?bot=missing')).status).toBe(404);
  });
});

describe.each(databaseKinds)('restarting the demo runtime (SEED_DEMO=true) on %s', (kind) => {
  const database = useTestDatabase(kind);
  const [adminLogin, agentLogin] = DEMO_USERS as [(typeof DEMO_USERS)[0], (typeof DEMO_USERS)[0]];
  const NEW_AGENT_PASSWORD = 'changed-by-the-admin-1';

  async function call(
    server: RunningServer,
    headers: Record<string, string>,
    method: string,
    path: string,
    json?: unknown,
  ) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests walk the JSON answers.
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  }
  const start = () => startServer({ ...database.current.config, SEED_DEMO: true }, { database: database.current });

  it('keeps what the admin changed: the default team, the bot, the flow and a password', async () => {
    const first = await start();
    try {
      const admin = await loginHeaders(first.url, adminLogin.email, adminLogin.password);
      expect((await call(first, admin, 'PATCH', `/api/admin/teams/${DEMO_TEAM_ID}`, { isDefault: false })).status).toBe(
        200,
      );
      expect(
        (await call(first, admin, 'PATCH', `/api/admin/bots/${DEMO_BOT_ID}`, { name: 'Renamed bot' })).status,
      ).toBe(200);
      const { body } = await call(first, admin, 'GET', `/api/admin/flows/${DEMO_FLOW_ID}`);
      const draft = structuredClone(body.flow.draft);
      const welcome = draft.blocks.find((block: { id: string }) => block.id === 'welcome');
      welcome.data.content.text = 'Edited welcome.';
      expect((await call(first, admin, 'PUT', `/api/admin/flows/${DEMO_FLOW_ID}/draft`, { draft })).status).toBe(200);
      expect((await call(first, admin, 'POST', `/api/admin/flows/${DEMO_FLOW_ID}/publish`, {})).status).toBe(201);
      const users = await call(first, admin, 'GET', '/api/admin/users');
      const agentId = users.body.users.find((user: { email: string }) => user.email === agentLogin.email).id;
      const changed = await call(first, admin, 'PATCH', `/api/admin/users/${agentId}`, {
        password: NEW_AGENT_PASSWORD,
      });
      expect(changed.status).toBe(200);
    } finally {
      await first.close();
    }

    const second = await start();
    try {
      const admin = await loginHeaders(second.url, adminLogin.email, adminLogin.password);
      const teams = await call(second, admin, 'GET', '/api/admin/teams');
      expect(teams.body.teams.find((team: { id: string }) => team.id === DEMO_TEAM_ID)).toMatchObject({
        isDefault: false,
      });
      const { rows } = await sql<{
        is_default: boolean;
      }>`select is_default from teams where id = ${DEMO_TEAM_ID}`.execute(database.current.db);
      expect(rows[0]?.is_default).toBe(false);
      expect((await call(second, admin, 'GET', `/api/admin/bots/${DEMO_BOT_ID}`)).body.bot.name).toBe('Renamed bot');
      const versions = await call(second, admin, 'GET', `/api/admin/flows/${DEMO_FLOW_ID}/versions`);
      expect(versions.body.versions.map((version: { number: number }) => version.number).sort()).toEqual([1, 2]);
      const visitor = new TestVisitor(second.url, DEMO_BOT_ID);
      const session = await visitor.start();
      expect(session.settings.botName).toBe('Renamed bot');
      const history = await visitor.history();
      expect(history.body.messages.map((message) => (message.content as { text?: string }).text)).toContain(
        'Edited welcome.',
      );
      await expect(loginHeaders(second.url, agentLogin.email, agentLogin.password)).rejects.toThrow(/401/);
      await loginHeaders(second.url, agentLogin.email, NEW_AGENT_PASSWORD);
    } finally {
      await second.close();
    }
  });
});
