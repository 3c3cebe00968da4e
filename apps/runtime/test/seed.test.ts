import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_BOT_ID, DEMO_TEAM_ID, DEMO_USERS, seedDemo } from '../src/seed/demo';
import { databaseKinds, useTestDatabase } from './db';
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
    expect((await t.current.request('/demo?bot=missing')).status).toBe(404);
  });
});
