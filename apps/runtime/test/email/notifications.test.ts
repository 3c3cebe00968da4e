import type { Kysely } from 'kysely';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database, User } from '../../src/db/schema';
import { writeNotificationSettings } from '../../src/email/notification-settings';
import {
  type Notified,
  notifyAssigned,
  notifyMentioned,
  notifyNeedsAttention,
  notifyTeamAssigned,
} from '../../src/email/notifications';
import { writePreferences } from '../../src/email/preferences';
import { SUMMARY_WAIT_MS } from '../../src/email/refresh';
import { emailDb } from '../../src/email/tables';
import { databaseKinds, useTestDatabase } from '../db';
import { type FakeResendServer, startFakeResend } from '../fakes/resend-server';
import { seedConversation, seedTeam, seedUser, seedWorkspace } from './fixtures';
import { resendWorker, testClock } from './outbox-helpers';

const PUBLIC_URL = 'https://desk.example.test';

describe.each(databaseKinds)('notification recipients on %s', (kind) => {
  const t = useTestDatabase(kind);
  let fake: FakeResendServer;
  const people = {} as { alice: User; ana: User; ben: User; cid: User; outsider: User };
  let ws: Awaited<ReturnType<typeof seedWorkspace>>;
  let support: string;

  beforeAll(async () => {
    const { db } = t.current;
    ws = await seedWorkspace(db);
    const other = await seedWorkspace(db);
    people.alice = await seedUser(db, ws.workspaceId, 'Alice', 'admin');
    people.ana = await seedUser(db, ws.workspaceId, 'Ana');
    people.ben = await seedUser(db, ws.workspaceId, 'Ben');
    people.cid = await seedUser(db, ws.workspaceId, 'Cid');
    people.outsider = await seedUser(db, other.workspaceId, 'Otto');
    support = await seedTeam(db, ws.workspaceId, 'Support', [people.ana.id, people.ben.id]);
    await writePreferences(db, people.ben.id, { needs_attention: false });
  });
  beforeEach(async () => {
    fake = await startFakeResend();
    await emailDb(t.current.db).deleteFrom('email_outbox').execute();
    await emailDb(t.current.db).deleteFrom('email_throttle').execute();
  });
  afterEach(() => fake.close());

  const deliveredTo = () => fake.delivered.flatMap((d) => d.payload.to).sort();
  const emails = (...users: User[]) => users.map((u) => u.email).sort();
  /**
   * Runs `notify` twice, each time in a transaction of its own (as a retried event would): whom the first run
   * notified, and what the second decided for each recipient (throttled, duplicate).
   */
  async function notifyTwice(notify: (trx: Kysely<Database>) => Promise<Notified[]>) {
    const first = await t.current.db.transaction().execute(notify);
    const again = await t.current.db.transaction().execute(notify);
    return { notified: first.map((n) => n.userId), again: again.map((n) => n.result.status) };
  }

  it('needs attention: team members who want it, in the handoff transaction, throttled per recipient', async () => {
    const { db } = t.current;
    const clock = testClock();
    const conversationId = await seedConversation(db, ws, {
      status: 'needs_agent',
      team_id: support,
      summary: 'Refund for order #123',
      priority: 'high',
      handed_off_at: clock.now(),
    });
    const ctx = { publicUrl: PUBLIC_URL, now: clock.now() };
    const { notified, again } = await notifyTwice((trx) => notifyNeedsAttention(trx, ctx, conversationId));
    expect(notified).toEqual([people.ana.id]);
    expect(again).toEqual(['throttled']);

    await resendWorker(db, fake, clock).drain();
    expect(deliveredTo()).toEqual(emails(people.ana));
    const mail = fake.delivered[0]!.payload;
    expect(mail.subject).toBe('visitor@example.test needs an agent');
    expect(mail.html).toContain(`${PUBLIC_URL}/app/inbox/${conversationId}`);
    expect(mail.text).toContain('Refund for order #123');
    expect(mail.text).toContain('high');
    expect(mail.headers?.['List-Unsubscribe']).toMatch(
      /^<https:\/\/desk\.example\.test\/api\/email\/unsubscribe\?token=/,
    );

    // After the throttle interval, the same conversation may alert again.
    const later = { publicUrl: PUBLIC_URL, now: new Date(clock.now().getTime() + 31 * 60_000) };
    const third = await db.transaction().execute((trx) => notifyNeedsAttention(trx, later, conversationId));
    expect(third.map((n) => n.result.status)).toEqual(['queued']);
  });

  it('needs attention to all agents when set so, or when there is no team', async () => {
    const { db } = t.current;
    const clock = testClock();
    const ctx = { publicUrl: PUBLIC_URL, now: clock.now() };
    const noTeam = await seedConversation(db, ws, { status: 'needs_agent', handed_off_at: clock.now() });
    await db.transaction().execute((trx) => notifyNeedsAttention(trx, ctx, noTeam));
    await writeNotificationSettings(db, ws.workspaceId, { needsAttentionTo: 'all' });
    const teamConv = await seedConversation(db, ws, { status: 'needs_agent', team_id: support });
    await db.transaction().execute((trx) => notifyNeedsAttention(trx, ctx, teamConv));
    await writeNotificationSettings(db, ws.workspaceId, { needsAttentionTo: 'team' });

    // The fresh handoff's alert waits for its AI summary (none comes here) before going without it.
    clock.advance(SUMMARY_WAIT_MS);
    await resendWorker(db, fake, clock).drain();
    const expected = emails(people.alice, people.ana, people.cid);
    expect(deliveredTo()).toEqual([...expected, ...expected].sort());
    expect(deliveredTo()).not.toContain(people.ben.email);
    expect(deliveredTo()).not.toContain(people.outsider.email);
  });

  it('assignment: the assignee, never someone assigning to themselves, and team members but the assigner', async () => {
    const { db } = t.current;
    const clock = testClock();
    const ctx = { publicUrl: PUBLIC_URL, now: clock.now() };
    const conversationId = await seedConversation(db, ws, { status: 'agent' });
    const byAlice = { conversationId, assigneeId: people.ana.id, assignedById: people.alice.id, eventId: 'e1' };
    const { notified, again } = await notifyTwice((trx) => notifyAssigned(trx, ctx, byAlice));
    expect(notified).toEqual([people.ana.id]);
    expect(again).toEqual(['duplicate']);
    const self = await db
      .transaction()
      .execute((trx) =>
        notifyAssigned(trx, ctx, { conversationId, assigneeId: people.cid.id, assignedById: people.cid.id }),
      );
    expect(self).toEqual([]);
    await writePreferences(db, people.cid.id, { assigned_to_you: false });
    const muted = await db
      .transaction()
      .execute((trx) => notifyAssigned(trx, ctx, { conversationId, assigneeId: people.cid.id, assignedById: null }));
    expect(muted).toEqual([]);
    await writePreferences(db, people.cid.id, { assigned_to_you: true });

    const team = await db
      .transaction()
      .execute((trx) => notifyTeamAssigned(trx, ctx, { conversationId, teamId: support, assignedById: people.ben.id }));
    expect(team.map((n) => n.userId)).toEqual([people.ana.id]);

    await resendWorker(db, fake, clock).drain();
    expect(fake.delivered.map((d) => d.payload.subject)).toEqual([
      'Conversation with visitor@example.test assigned to you',
      'New conversation for Support: visitor@example.test',
    ]);
    expect(fake.delivered[0]!.payload.text).toContain('Alice assigned');
  });

  it('a team assignment and a needs-attention alert about one handoff reach each person once', async () => {
    const { db } = t.current;
    const clock = testClock();
    const ctx = { publicUrl: PUBLIC_URL, now: clock.now() };
    await writePreferences(db, people.ben.id, { needs_attention: true });
    const conversationId = await seedConversation(db, ws, {
      status: 'needs_agent',
      team_id: support,
      assignee_id: people.ana.id,
    });
    const team = await db
      .transaction()
      .execute((trx) => notifyTeamAssigned(trx, ctx, { conversationId, teamId: support, assignedById: null }));
    expect(team.map((n) => [n.userId, n.result.status])).toEqual([[people.ben.id, 'queued']]);
    const alert = await db.transaction().execute((trx) => notifyNeedsAttention(trx, ctx, conversationId));
    expect(alert.map((n) => [n.userId, n.result.status])).toEqual([[people.ben.id, 'throttled']]);
    await writePreferences(db, people.ben.id, { needs_attention: false });
  });

  it('mentions: mentioned users of this workspace who want it, never the author, once per note', async () => {
    const { db } = t.current;
    const clock = testClock();
    const ctx = { publicUrl: PUBLIC_URL, now: clock.now() };
    const conversationId = await seedConversation(db, ws, { status: 'agent' });
    await writePreferences(db, people.cid.id, { mentioned: false });
    const event = {
      conversationId,
      noteId: 'note-1',
      authorId: people.alice.id,
      noteText: '@Ben @Cid can you check <this>?',
      mentionedUserIds: [people.ben.id, people.cid.id, people.alice.id, people.outsider.id, people.ben.id],
    };
    const { notified, again } = await notifyTwice((trx) => notifyMentioned(trx, ctx, event));
    expect(notified).toEqual([people.ben.id]);
    expect(again).toEqual(['duplicate']);
    await resendWorker(db, fake, clock).drain();
    expect(deliveredTo()).toEqual(emails(people.ben));
    expect(fake.delivered[0]!.payload.text).toContain('@Ben @Cid can you check <this>?');
    expect(fake.delivered[0]!.payload.html).toContain('can you check &lt;this&gt;?');
  });
});
