import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../src/db/schema';
import { writeNotificationSettings } from '../../src/email/notification-settings';
import { writePreferences } from '../../src/email/preferences';
import { scanSlaEscalations, scanUnseenMessages } from '../../src/email/scans';
import { emailDb } from '../../src/email/tables';
import { queueFlowEmail, queueTranscript } from '../../src/email/visitor-mail';
import { markRead } from '../../src/inbox/list-extras';
import { writeOfficeHours } from '../../src/office-hours/settings';
import { databaseKinds, useTestDatabase } from '../db';
import { type FakeResendServer, startFakeResend } from '../fakes/resend-server';
import { seedConversation, seedMessage, seedUser, seedWorkspace } from './fixtures';
import { resendWorker, testClock } from './outbox-helpers';

const PUBLIC_URL = 'https://desk.example.test';
const min = (n: number) => n * 60_000;

describe.each(databaseKinds)('timed notifications and visitor emails on %s', (kind) => {
  const t = useTestDatabase(kind);
  let fake: FakeResendServer;
  let ws: Awaited<ReturnType<typeof seedWorkspace>>;
  const people = {} as { admin: User; mutedAdmin: User; agent: User };

  beforeAll(async () => {
    const { db } = t.current;
    ws = await seedWorkspace(db);
    people.admin = await seedUser(db, ws.workspaceId, 'Alice', 'admin');
    people.mutedAdmin = await seedUser(db, ws.workspaceId, 'Mo', 'admin');
    people.agent = await seedUser(db, ws.workspaceId, 'Ana');
    await writePreferences(db, people.mutedAdmin.id, { sla_escalation: false });
  });
  beforeEach(async () => {
    fake = await startFakeResend();
    await emailDb(t.current.db).deleteFrom('email_outbox').execute();
    await t.current.db.deleteFrom('conversations').execute();
  });
  afterEach(() => fake.close());

  it('emails the assignee once about a visitor message left unanswered for N minutes', async () => {
    const { db } = t.current;
    const clock = testClock();
    await writeNotificationSettings(db, ws.workspaceId, { unseenAfterMinutes: 10 });
    const ago = (minutes: number) => new Date(clock.now().getTime() - min(minutes));
    /** A conversation assigned to the agent, with these text messages (author, text, minutes ago). */
    const assignedWith = async (...messages: Array<['visitor' | 'agent', string, number]>) => {
      const conversationId = await seedConversation(db, ws, { status: 'agent', assignee_id: people.agent.id });
      for (const [author, text, minutes] of messages) {
        await seedMessage(db, conversationId, { author, payload: { text }, createdAt: ago(minutes) });
      }
      return conversationId;
    };
    await assignedWith(['agent', 'How can I help?', 20], ['visitor', 'Where is my <parcel>?', 12]);
    await assignedWith(['visitor', 'Hi', 30], ['agent', 'Hello', 29]);
    await assignedWith(['visitor', 'Just now', 3]);
    const noteOnly = await assignedWith(['visitor', 'Anyone?', 15]);
    await seedMessage(db, noteOnly, {
      author: 'agent',
      type: 'note',
      payload: { text: 'looking', mentions: [] },
      internal: true,
      createdAt: ago(14),
    });
    // The assignee read the message in the inbox (no reply yet): seen, no email. Another agent's
    // read marker, or the assignee's on an older message, does not count.
    await markRead(db, await assignedWith(['visitor', 'Read but unanswered', 15]), people.agent.id, 1);
    await markRead(db, await assignedWith(['visitor', 'Read by a colleague', 15]), people.admin.id, 1);
    const readEarlier = await assignedWith(['visitor', 'Read long ago', 40], ['visitor', 'Written after the read', 13]);
    await markRead(db, readEarlier, people.agent.id, 1);

    const ctx = { publicUrl: PUBLIC_URL, now: clock.now() };
    expect(await scanUnseenMessages(db, ctx)).toBe(4);
    expect(await scanUnseenMessages(db, ctx)).toBe(0);
    await resendWorker(db, fake, clock).drain();
    expect(fake.delivered).toHaveLength(4);
    expect(fake.delivered.every((d) => (d.payload.to as string[])[0] === people.agent.email)).toBe(true);
    const texts = fake.delivered.map((d) => d.payload.text).join('\n');
    expect(texts).not.toContain('Read but unanswered');
    expect(texts).toContain('Read by a colleague');
    expect(texts).toContain('Written after the read');
    expect(texts).toContain('Where is my <parcel>?');
    expect(texts).toContain('12 minutes ago');
    expect(texts).toContain('Anyone?');
    expect(texts).not.toContain('Just now');
  });

  it('escalates a handoff past the SLA to admins who want it, once per handoff', async () => {
    const { db } = t.current;
    const clock = testClock();
    await writeNotificationSettings(db, ws.workspaceId, { slaMinutes: 15 });
    const late = await seedConversation(db, ws, {
      status: 'needs_agent',
      handed_off_at: new Date(clock.now().getTime() - min(20)),
      priority: 'urgent',
      summary: 'Card blocked abroad',
    });
    await seedConversation(db, ws, { status: 'needs_agent', handed_off_at: new Date(clock.now().getTime() - min(5)) });
    await seedConversation(db, ws, {
      status: 'agent',
      handed_off_at: new Date(clock.now().getTime() - min(40)),
      first_response_at: new Date(clock.now().getTime() - min(35)),
    });
    const ctx = { publicUrl: PUBLIC_URL, now: clock.now() };
    expect(await scanSlaEscalations(db, ctx)).toBe(1);
    expect(await scanSlaEscalations(db, { ...ctx, now: new Date(clock.now().getTime() + min(5)) })).toBe(0);
    await resendWorker(db, fake, clock).drain();
    expect(fake.delivered.map((d) => d.payload.to)).toEqual([[people.admin.email]]);
    const mail = fake.delivered[0]!.payload;
    expect(mail.subject).toBe('Escalation: visitor@example.test has waited 20 minutes');
    expect(mail.text).toContain('the target is 15 minutes');
    expect(mail.html).toContain(`${PUBLIC_URL}/app/inbox/${late}`);
  });

  it('sends the flow email once per step and a transcript without internal notes when turned on', async () => {
    const { db } = t.current;
    const clock = testClock(new Date('2026-01-15T13:05:00Z'));
    const ctx = { publicUrl: PUBLIC_URL, now: clock.now() };
    const conversationId = await seedConversation(db, ws, { status: 'resolved' });
    await seedMessage(db, conversationId, {
      author: 'visitor',
      payload: { text: 'My order is late' },
      createdAt: clock.now(),
    });
    await seedMessage(db, conversationId, {
      author: 'agent',
      authorName: 'Ana',
      payload: { text: 'Sent today!' },
      createdAt: clock.now(),
    });
    await seedMessage(db, conversationId, {
      author: 'agent',
      type: 'note',
      payload: { text: 'SECRET note', mentions: [] },
      internal: true,
      createdAt: clock.now(),
    });

    expect(await queueTranscript(db, ctx, conversationId)).toBeNull();
    await writeNotificationSettings(db, ws.workspaceId, { transcriptOnResolve: true });
    await writeOfficeHours(db, ws.workspaceId, null, { schedule: { timezone: 'Europe/Paris', weekly: {} } });
    expect((await queueTranscript(db, ctx, conversationId))?.status).toBe('queued');
    expect((await queueTranscript(db, ctx, conversationId))?.status).toBe('duplicate');

    const flow = {
      workspaceId: ws.workspaceId,
      conversationId,
      to: 'lead@example.test',
      subject: 'Your quote',
      body: 'Total: 99€',
      botName: 'Acme bot',
      idempotencyKey: `flow_email:${conversationId}:b7:3`,
    };
    expect((await queueFlowEmail(db, ctx, flow)).status).toBe('queued');
    expect((await queueFlowEmail(db, ctx, flow)).status).toBe('duplicate');

    await resendWorker(db, fake, clock).drain();
    const [transcript, quote] = fake.delivered.map((d) => d.payload);
    expect(transcript!.to).toEqual(['visitor@example.test']);
    expect(transcript!.text).toContain('My order is late');
    expect(transcript!.text).toContain('Sent today!');
    expect(transcript!.text).toContain('2026-01-15 14:05');
    expect(transcript!.text).not.toContain('SECRET');
    expect(transcript!.html).not.toContain('SECRET');
    expect(quote).toMatchObject({ to: ['lead@example.test'], subject: 'Your quote' });
    expect(quote!.text).toContain('Total: 99€');
  });
});
