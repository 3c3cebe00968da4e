import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { analyticsDb } from '../../src/analytics/facts';
import { csatDb } from '../../src/csat/tables';
import { emailDb } from '../../src/email/tables';
import { adminWithLiveFlow } from '../analytics/live-flow-scenario';
import { expectSummariesRecount } from '../analytics/summary-recount';
import { databaseKinds } from '../db';
import { utcDateFromNow } from '../fixtures/dates';
import { doneOrHumanFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';

const flow = doneOrHumanFlow('csat', 'CSAT');

describe.each(databaseKinds)('CSAT on %s', (kind) => {
  const t = useTestServer(kind);

  it('asks once per resolution, by widget or signed email link; the figures are exact', async () => {
    const { bot, admin, workspaceId, adminHeaders, call } = await adminWithLiveFlow(t, 'csat', 'CSAT', flow);
    const db = t.current.server.db;
    const csat = (v: TestVisitor, method = 'GET', json?: unknown, path = '') =>
      t.current.call(method, `/api/public/conversations/${v.conversationId}/csat${path}`, v.headers(), json);
    const handedOff = async (v: TestVisitor) => {
      await v.start();
      expect((await v.pick('human', 'Human')).conversation.status).toBe('needs_agent');
    };
    const withEmail = async (v: TestVisitor, email: string) => {
      const { visitor_id } = await db
        .selectFrom('conversations')
        .select('visitor_id')
        .where('id', '=', v.conversationId)
        .executeTakeFirstOrThrow();
      await db.updateTable('visitors').set({ email }).where('id', '=', visitor_id).execute();
      return visitor_id;
    };
    const ratingEmails = async (v: TestVisitor) =>
      emailDb(db)
        .selectFrom('email_outbox')
        .select(['to_address', 'subject', 'text', 'html'])
        .where('conversation_id', '=', v.conversationId)
        .where('kind', '=', 'csat_request')
        .execute();
    const resolve = async (v: TestVisitor) =>
      expect((await call('POST', `/api/inbox/conversations/${v.conversationId}/resolve`)).status).toBe(200);

    // B (stars, the default): the admin answers and resolves; B rates 4 with a comment, once.
    const b = new TestVisitor(t.current.server.url, bot.id);
    await handedOff(b);
    expect((await csat(b)).body).toEqual({ asked: false, scale: null, score: null, comment: null });
    expect((await csat(b, 'POST', { score: 4 })).status).toBe(409);
    expect((await call('POST', `/api/inbox/conversations/${b.conversationId}/messages`, { text: 'Hi' })).status).toBe(
      201,
    );
    await resolve(b);
    expect((await csat(b)).body).toEqual({ asked: true, scale: 'stars', score: null, comment: null });
    const bad = await csat(b, 'POST', { score: 6 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('A score from 1 to 5');
    expect((await csat(b, 'POST', { score: 4, comment: '  ' })).status).toBe(400);
    expect((await csat(b, 'POST', {})).status).toBe(400);
    expect((await csat(b, 'POST', { score: 4 })).status).toBe(201);
    expect((await csat(b, 'POST', { score: 5 })).status).toBe(409);
    const commented = await csat(b, 'POST', { comment: 'Quick and <b>kind</b>' }, '/comment');
    expect(commented.body).toEqual({ asked: true, scale: 'stars', score: 4, comment: 'Quick and <b>kind</b>' });
    expect((await csat(b, 'POST', { comment: 'again' }, '/comment')).status).toBe(409);
    // Another visitor cannot see or rate it.
    const stranger = new TestVisitor(t.current.server.url, bot.id);
    await stranger.start();
    const foreign = await t.current.call(
      'POST',
      `/api/public/conversations/${b.conversationId}/csat`,
      stranger.headers(),
      { score: 1 },
    );
    expect(foreign.status).toBe(404);
    // The inbox timeline shows the rating and the comment (agents only).
    const seen = (await b.history()).body;
    expect(seen.messages.some((m) => m.content.type === 'event' && m.content.kind === 'csat')).toBe(false);
    const timeline = await call('GET', `/api/inbox/conversations/${b.conversationId}`);
    const lines = (timeline.body.messages as Array<{ content: { kind?: string; text?: string } }>)
      .filter((m) => m.content.kind === 'csat')
      .map((m) => m.content.text);
    expect(lines).toEqual(['Visitor rated 4/5', "Visitor's comment: Quick and <b>kind</b>"]);
    // The side panel's rating: the latest, judged by the runtime.
    expect(timeline.body.conversation.rating).toMatchObject({
      scale: 'stars',
      score: 4,
      satisfied: true,
      comment: 'Quick and <b>kind</b>',
      source: 'widget',
    });

    // B writes again (reopened: nothing to rate), is resolved again and rates the new resolution 2.
    expect((await b.say('One more thing')).conversation.status).toBe('needs_agent');
    expect((await csat(b)).body.asked).toBe(false);
    expect((await csat(b, 'POST', { score: 3 })).status).toBe(409);
    await resolve(b);
    expect((await csat(b)).body).toEqual({ asked: true, scale: 'stars', score: null, comment: null });
    expect((await csat(b, 'POST', { score: 2 })).status).toBe(201);
    const latest = await call('GET', `/api/inbox/conversations/${b.conversationId}`);
    expect(latest.body.conversation.rating).toMatchObject({ score: 2, satisfied: false, comment: null });

    // A: the bot resolves at the end of the flow; asked, never rated.
    const a = new TestVisitor(t.current.server.url, bot.id);
    await a.start();
    expect((await a.pick('done', 'Done')).conversation.status).toBe('resolved');
    expect((await csat(a)).body).toMatchObject({ asked: true, scale: 'stars' });
    expect((await call('GET', `/api/inbox/conversations/${a.conversationId}`)).body.conversation.rating).toBeNull();

    // Thumbs: C left an email and has no widget open; resolving queues the rating email with signed links.
    expect((await call('PATCH', `/api/admin/bots/${bot.id}`, { settings: { csat: 'sideways' } })).status).toBe(400);
    expect((await call('PATCH', `/api/admin/bots/${bot.id}`, { settings: { csat: 'thumbs' } })).status).toBe(200);
    const c = new TestVisitor(t.current.server.url, bot.id);
    await handedOff(c);
    await withEmail(c, 'carol@example.com');
    await resolve(c);
    const [mail] = await ratingEmails(c);
    expect(mail).toMatchObject({ to_address: 'carol@example.com', subject: expect.stringContaining('How did we do?') });
    const links = [...mail!.text.matchAll(/https?:\/\/\S+\/api\/email\/csat\?token=[\w.-]+/g)].map((m) => m[0]);
    expect(links).toHaveLength(2);
    expect(mail!.text).toContain('/api/email/unsubscribe?token=');
    const up = new URL(links[0]!);
    const token = up.searchParams.get('token')!;
    expect((await csat(c, 'POST', { score: 3 })).status).toBe(400);
    // Forged: another score under the same signature, or a cut token.
    const [body, mac] = token.split('.');
    const claim = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claim, n: 1 })).toString('base64url')}.${mac}`;
    const page = (query: string) => t.current.request(`/api/email/csat?token=${query}`);
    expect((await page(forged)).status).toBe(400);
    expect((await page(token.slice(0, -2))).status).toBe(400);
    const post = (form: Record<string, string>) =>
      t.current.request('/api/email/csat', { method: 'POST', body: new URLSearchParams(form) });
    expect((await post({ token: forged })).status).toBe(400);
    // The link's page shows the score and the comment box; it records nothing until sent.
    const shown = await page(token);
    expect(shown.status).toBe(200);
    const html = await shown.text();
    expect(html).toContain('👍 Good');
    expect(html).toContain('<textarea');
    expect((await csat(c)).body.score).toBeNull();
    const sent = await post({ token, comment: 'Great <script>x</script>' });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Your rating was recorded');
    expect((await post({ token })).status).toBe(409);
    expect((await csat(c)).body).toEqual({
      asked: true,
      scale: 'thumbs',
      score: 5,
      comment: 'Great <script>x</script>',
    });
    expect((await page(token)).status).toBe(200);

    // No email to an address that unsubscribed from rating requests, nor to a visitor with the widget open.
    const e = new TestVisitor(t.current.server.url, bot.id);
    await handedOff(e);
    await withEmail(e, 'erin@example.com');
    await emailDb(db)
      .insertInto('email_unsubscribes')
      .values({ address: 'erin@example.com', kind: 'csat_request' })
      .execute();
    await resolve(e);
    expect(await ratingEmails(e)).toEqual([]);
    const f = new TestVisitor(t.current.server.url, bot.id);
    await handedOff(f);
    const fId = await withEmail(f, 'fay@example.com');
    await sql`insert into visitor_connections (id, visitor_id, instance_id) values (${`conn-${fId}`}, ${fId}, 'test')`.execute(
      db,
    );
    await resolve(f);
    expect(await ratingEmails(f)).toEqual([]);
    expect((await csat(f)).body).toMatchObject({ asked: true, scale: 'thumbs' });

    // Off: D is resolved without a survey.
    expect((await call('PATCH', `/api/admin/bots/${bot.id}`, { settings: { csat: 'off' } })).status).toBe(200);
    const d = new TestVisitor(t.current.server.url, bot.id);
    await handedOff(d);
    await resolve(d);
    expect((await csat(d)).body.asked).toBe(false);
    expect((await csat(d, 'POST', { score: 5 })).status).toBe(409);

    const surveys = await csatDb(db)
      .selectFrom('csat_surveys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(surveys).toHaveLength(6);
    const facts = await analyticsDb(db)
      .selectFrom('analytics_facts')
      .select(['conversation_id', 'reason', 'agent_id', 'payload'])
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'csat')
      .orderBy('id')
      .execute();
    expect(facts.map((f) => [f.conversation_id, f.reason, f.agent_id, (f.payload as { score: number }).score])).toEqual(
      [
        [b.conversationId, 'stars', admin.id, 4],
        [b.conversationId, 'stars', admin.id, 2],
        [c.conversationId, 'thumbs', null, 5],
      ],
    );
    // The conversation summaries keep the latest rating (B rated twice, across a reopen) and agree with a recount.
    const kept = await expectSummariesRecount(db, workspaceId);
    expect(kept.get(b.conversationId)).toMatchObject({ csats: 2, csat_score: '2', reopens: 1 });
    expect(kept.get(c.conversationId)).toMatchObject({ csats: 1, csat_score: '5' });

    const range = `from=${utcDateFromNow(-1)}&to=${utcDateFromNow(1)}`;
    const overview = await call('GET', `/api/analytics/overview?${range}`);
    expect(overview.body.csat).toEqual({
      asked: 6,
      ratings: 3,
      responseRate: 0.5,
      satisfied: 2,
      satisfiedRate: 2 / 3,
      starRatings: 2,
      average: 3,
    });
    expect((await call('GET', `/api/analytics/overview?${range}&agentId=${admin.id}`)).body.csat).toMatchObject({
      asked: 2,
      ratings: 2,
      satisfied: 1,
    });
    const people = await call('GET', `/api/analytics/people?${range}`);
    expect(people.body.agents).toEqual([
      expect.objectContaining({
        id: admin.id,
        csat: { asked: 2, ratings: 2, responseRate: 1, satisfied: 1, satisfiedRate: 0.5, starRatings: 2, average: 3 },
      }),
    ]);
    const csv = await t.current.request(`/api/analytics/conversations.csv?${range}`, { headers: adminHeaders });
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(
      rows[0]!.endsWith(',reopens,csat_score,csat_comment,channel,bot_name,team_name,assignee_name,started_local'),
    ).toBe(true);
    const rowOf = (id: string) => rows.find((line) => line.startsWith(id))!.split(',');
    expect(rowOf(b.conversationId).slice(13, 15)).toEqual(['2', '']);
    expect(rowOf(c.conversationId).slice(13, 15)).toEqual(['5', 'Great <script>x</script>']);
    expect(rowOf(a.conversationId).slice(13, 15)).toEqual(['', '']);
  });
});
