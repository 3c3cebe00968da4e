import { describe, expect, it } from 'vitest';
import { notifyNeedsAttention } from '../../src/email/notifications';
import { emailRoutes } from '../../src/email/routes';
import { startEmailService } from '../../src/email/service';
import { emailDb } from '../../src/email/tables';
import { databaseKinds } from '../db';
import { seedWorkspace } from '../fixtures/accounts';
import { waitFor } from '../poll';
import { useAppWith } from './app-harness';
import { seedConversation } from './fixtures';

describe.each(databaseKinds)('email API and local mailbox on %s', (kind) => {
  const t = useAppWith(kind, (app, services) => app.route('/', emailRoutes(services)));
  const ctx = {} as { admin: Record<string, string>; agent: Record<string, string>; other: Record<string, string> };
  let ws: Awaited<ReturnType<typeof seedWorkspace>>;

  it('delivers a handoff alert into the local mailbox without RESEND_API_KEY and shows it to admins only', async () => {
    const { db } = t.services;
    ws = await seedWorkspace(db, 'mine');
    const theirs = await seedWorkspace(db, 'theirs');
    ctx.admin = await t.login(ws.admin.email);
    ctx.agent = await t.login(ws.agent.email);
    ctx.other = await t.login(theirs.admin.email);

    const email = startEmailService(t.services, { intervalMs: 50 });
    expect(email.sender.name).toBe('local');
    const conv = await seedConversation(
      db,
      { workspaceId: ws.workspaceId, botId: ws.bot.id, visitorId: await visitor(db, ws.bot.id) },
      {
        status: 'needs_agent',
        summary: 'Wants to <b>cancel</b>',
      },
    );
    await db.transaction().execute((trx) => notifyNeedsAttention(trx, email.context(), conv));
    email.loop.kick();
    await waitFor(async () => {
      const rows = await emailDb(db).selectFrom('email_outbox').select('status').where('status', '=', 'sent').execute();
      return rows.length === 2 ? rows : undefined;
    });

    const list = await t.call('GET', '/api/email/mailbox', ctx.admin);
    expect(list.status).toBe(200);
    expect(list.body.messages.map((m: { to: string }) => m.to).sort()).toEqual([ws.admin.email, ws.agent.email].sort());
    expect(list.body.messages[0].text).toContain('Wants to <b>cancel</b>');
    const one = await t.call('GET', `/api/email/mailbox/${list.body.messages[0].id}`, ctx.admin);
    expect(one.body.message.html).toContain('Wants to &lt;b&gt;cancel&lt;/b&gt;');
    expect(one.body.message.readAt).not.toBeNull();

    expect((await t.call('GET', '/api/email/mailbox', ctx.agent)).status).toBe(403);
    expect((await t.call('GET', '/api/email/mailbox')).status).toBe(401);
    expect((await t.call('GET', '/api/email/mailbox', ctx.other)).body.messages).toEqual([]);
    expect((await t.call('GET', `/api/email/mailbox/${list.body.messages[0].id}`, ctx.other)).status).toBe(404);

    const outbox = await t.call('GET', '/api/email/outbox?status=sent', ctx.admin);
    expect(outbox.body.emails).toHaveLength(2);
    expect(outbox.body.emails[0]).toMatchObject({ kind: 'needs_attention', status: 'sent', attempts: 1 });
    expect((await t.call('GET', '/api/email/outbox?status=lost', ctx.admin)).status).toBe(400);
    await email.loop.stop();
  });

  it('unsubscribes through the signed link in the email: GET asks, POST does it', async () => {
    const { db } = t.services;
    const row = await emailDb(db)
      .selectFrom('mailbox')
      .select(['text'])
      .where('to_address', '=', ws.agent.email)
      .executeTakeFirstOrThrow();
    const link = /https:\/\/desk\.example\.test(\/api\/email\/unsubscribe\?token=[\w.-]+)/.exec(row.text)![1]!;
    const ask = await t.call('GET', link);
    expect(ask.status).toBe(200);
    expect(ask.body).toContain('Stop sending conversations that need an agent to');
    expect((await t.call('GET', '/api/email/preferences', ctx.agent)).body.preferences.needs_attention).toBe(true);

    const done = await t.call('POST', link);
    expect(done.status).toBe(200);
    expect(done.body).toContain('You are unsubscribed');
    const prefs = await t.call('GET', '/api/email/preferences', ctx.agent);
    expect(prefs.body.preferences).toMatchObject({ needs_attention: false, mentioned: true });

    const forged = link.replace(/token=(\w)/, (_m, c: string) => `token=${c === 'a' ? 'b' : 'a'}`);
    expect((await t.call('POST', forged)).status).toBe(400);
    expect((await t.call('GET', '/api/email/unsubscribe')).status).toBe(400);
  });

  it('reads and writes my preferences and the workspace settings with validation', async () => {
    const put = await t.call('PUT', '/api/email/preferences', ctx.agent, {
      preferences: { needs_attention: true, mentioned: false },
    });
    expect(put.status).toBe(200);
    expect(put.body.preferences).toMatchObject({ needs_attention: true, mentioned: false });
    const bad = await t.call('PUT', '/api/email/preferences', ctx.agent, { preferences: { birthday: true } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');

    expect((await t.call('PUT', '/api/email/settings', ctx.agent, { slaMinutes: 5 })).status).toBe(403);
    const settings = await t.call('PUT', '/api/email/settings', ctx.admin, { slaMinutes: 5, needsAttentionTo: 'all' });
    expect(settings.body.settings).toMatchObject({ slaMinutes: 5, needsAttentionTo: 'all', throttleMinutes: 30 });
    expect((await t.call('GET', '/api/email/settings', ctx.agent)).body.settings.slaMinutes).toBe(5);
    expect((await t.call('PUT', '/api/email/settings', ctx.admin, { slaMinutes: -1 })).status).toBe(400);
    expect((await t.call('PUT', '/api/email/settings', ctx.admin, 'nope')).status).toBe(400);
  });

  it('documents the email API in the OpenAPI document', async () => {
    const doc = await t.call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const path of ['/api/email/preferences', '/api/email/settings', '/api/email/mailbox', '/api/email/outbox']) {
      expect(paths).toContain(path);
    }
    expect(doc.body.paths['/api/email/settings'].put.requestBody).toBeDefined();
  });

  it('lets an admin retry a failed email and refuses others', async () => {
    const { db } = t.services;
    const [sent] = await emailDb(db).selectFrom('email_outbox').select('id').limit(1).execute();
    await emailDb(db)
      .updateTable('email_outbox')
      .set({ status: 'failed', last_error: '500 boom' })
      .where('id', '=', sent!.id)
      .execute();
    const retry = await t.call('POST', `/api/email/outbox/${sent!.id}/retry`, ctx.admin);
    expect(retry.status).toBe(200);
    expect(retry.body.email).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect((await t.call('POST', `/api/email/outbox/${sent!.id}/retry`, ctx.admin)).status).toBe(409);
    expect((await t.call('POST', '/api/email/outbox/nope/retry', ctx.admin)).status).toBe(404);
    expect((await t.call('POST', `/api/email/outbox/${sent!.id}/retry`, ctx.other)).status).toBe(404);
  });
});

async function visitor(db: import('kysely').Kysely<import('../../src/db/schema').Database>, botId: string) {
  const id = crypto.randomUUID();
  await db.insertInto('visitors').values({ id, bot_id: botId, token_hash: id, variables: '{}', name: 'Zoé' }).execute();
  return id;
}
