import type { Message } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { writeNotificationSettings } from '../../src/email/notification-settings';
import { emailDb } from '../../src/email/tables';
import { databaseKinds } from '../db';
import { loginHeaders } from '../fixtures/accounts';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useTestServer } from '../server';
import { seedInbox, texts } from './fixtures';

interface Detail {
  conversation: {
    status: string;
    priority: string | null;
    summary: string | null;
    unread: number;
    assignee: { name: string } | null;
  };
  messages: Array<Message & { internal: boolean }>;
  handBackTargets: Array<{ id: string }>;
}

describe.each(databaseKinds)('inbox conversation lifecycle on %s', (kind) => {
  const t = useTestServer(kind);

  async function setup() {
    const { url, db } = t.current.server;
    const seed = await seedInbox(db);
    const andy = await loginHeaders(url, seed.a.agent.email);
    const admin = await loginHeaders(url, seed.a.admin.email);
    return { seed, andy, admin, url };
  }
  const call = (headers: Record<string, string>, method: string, path: string, json?: unknown) =>
    t.current.request(`/api/inbox/conversations${path}`, { method, headers, ...(json === undefined ? {} : { json }) });
  const detail = async (headers: Record<string, string>, id: string) =>
    (await (await call(headers, 'GET', `/${id}`)).json()) as Detail;

  it('handoff → reply seen live by the visitor → note never reaches the visitor → hand back → bot continues', async () => {
    const { seed, andy, url } = await setup();
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start({ visitor: { name: 'Vic' }, pageUrl: 'https://shop.example/checkout' });
    const visitorSocket = await TestSocket.open(wsUrl(url, `?visitorToken=${visitor.token}`));
    visitorSocket.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
    await visitor.say('The site is down and I cannot pay, urgent!');
    await t.current.server.services.background.idle();

    const handed = await detail(andy, visitor.conversationId);
    expect(handed.conversation).toMatchObject({ status: 'needs_agent', assignee: { name: 'Andy Agent' } });
    expect(handed.conversation.summary).toContain('pay');
    expect(handed.conversation.unread).toBe(1);
    expect(
      handed.messages.some((m) => m.content.type === 'event' && m.content.kind === 'team_assigned' && m.internal),
    ).toBe(true);

    const reply = await call(andy, 'POST', `/${visitor.conversationId}/messages`, {
      text: 'Hi Vic, Andy here.',
      clientId: 'r1',
    });
    expect(reply.status).toBe(201);
    const again = await call(andy, 'POST', `/${visitor.conversationId}/messages`, {
      text: 'Hi Vic, Andy here.',
      clientId: 'r1',
    });
    expect(((await again.json()) as { message: Message }).message.seq).toBe(
      ((await reply.json()) as { message: Message }).message.seq,
    );
    await visitorSocket.until(() => texts(visitorSocket.messages()).includes('Hi Vic, Andy here.'));
    expect(texts(visitorSocket.messages())).toContain('Andy Agent joined the conversation');

    const note = await call(andy, 'POST', `/${visitor.conversationId}/notes`, {
      text: 'SECRET-NOTE refund @Alice',
      mentions: [seed.a.admin.id, seed.b.admin.id],
    });
    expect(note.status).toBe(201);
    expect(((await note.json()) as { note: { content: { mentions: string[] } } }).note.content.mentions).toEqual([
      seed.a.admin.id,
    ]);
    await call(andy, 'PUT', `/${visitor.conversationId}/priority`, { priority: 'urgent' });

    const back = await call(andy, 'POST', `/${visitor.conversationId}/handback`, { blockId: null });
    expect(back.status).toBe(200);
    expect(texts(((await back.json()) as { replies: Message[] }).replies)).toEqual([
      'Welcome back to the bot!',
      'How would you rate us?',
    ]);
    await visitorSocket.until(() => texts(visitorSocket.messages()).includes('How would you rate us?'));
    const after = await visitor.say('5 stars');
    expect(after.conversation.status).toBe('resolved');

    // The widget API and the visitor's socket never carry the note or agent-side events.
    const history = await visitor.history(0);
    const leaked = JSON.stringify(history.body) + JSON.stringify(visitorSocket.frames);
    expect(leaked).not.toContain('SECRET-NOTE');
    expect(leaked).not.toContain('Priority set to');
    expect(leaked).not.toContain('Routed to the');
    expect(texts(history.body.messages)).toContain('Hi Vic, Andy here.');
    // The agent sees everything, in order.
    const final = await detail(andy, visitor.conversationId);
    expect(final.messages.map((m) => m.seq)).toEqual(final.messages.map((_, i) => i + 1));
    expect(final.messages.some((m) => m.content.type === 'note' && m.internal)).toBe(true);
    expect(texts(final.messages)).toContain('Andy Agent handed the conversation back to the bot');
    await visitorSocket.close();
  });

  it('take over a conversation still in the bot, hand back at a chosen block', async () => {
    const { seed, admin, url } = await setup();
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start({ visitor: { name: 'Tina' } });
    const takeover = await call(admin, 'POST', `/${visitor.conversationId}/takeover`);
    expect(takeover.status).toBe(200);
    await t.current.server.services.background.idle();
    const held = await detail(admin, visitor.conversationId);
    expect(held.conversation).toMatchObject({ status: 'agent', assignee: { name: 'Alice Admin' }, priority: null });
    // Summarised, but not rated: the visitor has not said anything yet.
    expect(held.conversation.summary).toBeTruthy();
    // The bot is paused: a visitor message gets no bot answer.
    const paused = await visitor.say('hello?');
    expect(paused.replies).toEqual([]);
    expect(paused.conversation.agent?.name).toBe('Alice Admin');
    expect(held.handBackTargets.map((b) => b.id)).toContain('rate');

    const bad = await call(admin, 'POST', `/${visitor.conversationId}/handback`, { blockId: 'nope' });
    expect(bad.status).toBe(400);
    // A refused hand back changes nothing.
    const unchanged = await detail(admin, visitor.conversationId);
    expect(unchanged.conversation).toMatchObject({ status: 'agent', assignee: { name: 'Alice Admin' } });
    expect(unchanged.messages.length).toBe(held.messages.length + 1);
    const back = await call(admin, 'POST', `/${visitor.conversationId}/handback`, { blockId: 'rate' });
    expect(texts(((await back.json()) as { replies: Message[] }).replies)).toEqual(['How would you rate us?']);
    const answered = await visitor.say('great');
    expect(answered.conversation.status).toBe('resolved');
  });

  it('resolve tells the visitor; a new visitor message reopens it for the agents', async () => {
    const { seed, andy, url } = await setup();
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start();
    await visitor.say('need help');
    await call(andy, 'POST', `/${visitor.conversationId}/messages`, { text: 'Sure' });
    expect((await call(andy, 'POST', `/${visitor.conversationId}/resolve`)).status).toBe(200);
    const history = await visitor.history(0);
    expect(history.body.conversation.status).toBe('resolved');
    expect(texts(history.body.messages)).toContain('Andy Agent marked the conversation as resolved');
    await visitor.say('one more thing');
    expect((await detail(andy, visitor.conversationId)).conversation.status).toBe('needs_agent');
  });

  it('resolving queues the transcript for the visitor when the workspace turned it on', async () => {
    const { seed, andy, url } = await setup();
    const db = t.current.server.db;
    await writeNotificationSettings(db, seed.a.workspaceId, { transcriptOnResolve: true });
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start({ visitor: { name: 'Tia', email: 'tia@example.test' } });
    await visitor.say('where is my parcel?');
    await call(andy, 'POST', `/${visitor.conversationId}/messages`, { text: 'It ships today' });
    expect((await call(andy, 'POST', `/${visitor.conversationId}/resolve`)).status).toBe(200);
    const queued = await emailDb(db)
      .selectFrom('email_outbox')
      .select(['kind', 'to_address', 'text'])
      .where('kind', '=', 'transcript')
      .execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ to_address: 'tia@example.test' });
    expect(queued[0]!.text).toContain('It ships today');
  });

  it('assignment is last-writer-wins with "assigned to X by Y" timeline events; unread counts reset on read', async () => {
    const { seed, andy, admin, url } = await setup();
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start();
    await visitor.say('question');
    const id = visitor.conversationId;
    const [first, second] = await Promise.all([
      call(admin, 'PUT', `/${id}/assignment`, { assigneeId: seed.a.bea.id, teamId: seed.a.support }),
      call(andy, 'PUT', `/${id}/assignment`, { assigneeId: seed.a.admin.id }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // Assignee events only: the AI's priority event ("Priority set to low by AI: …") may land in between.
    const events = texts((await detail(admin, id)).messages).filter((text) => /^Assigned to (?!the ).* by /.test(text));
    expect(events).toEqual(
      expect.arrayContaining(['Assigned to Bea Billing by Alice Admin', 'Assigned to Alice Admin by Andy Agent']),
    );
    const final = (await detail(admin, id)).conversation.assignee?.name;
    // Whoever wrote last holds it, and the last assignment event names them.
    expect(events.at(-1)).toBe(`Assigned to ${final} by ${final === 'Bea Billing' ? 'Alice Admin' : 'Andy Agent'}`);
    const invalid = await call(admin, 'PUT', `/${id}/assignment`, {});
    expect(invalid.status).toBe(400);

    await visitor.say('are you there?');
    const listed = (await (await call(admin, 'GET', '?filter=all')).json()) as {
      conversations: Array<{ id: string; unread: number }>;
    };
    expect(listed.conversations.find((c) => c.id === id)?.unread).toBe(2);
    expect((await call(admin, 'POST', `/${id}/read`, {})).status).toBe(204);
    expect((await detail(admin, id)).conversation.unread).toBe(0);
  });

  it('two agents replying at once both succeed, in order', async () => {
    const { seed, andy, admin, url } = await setup();
    const visitor = new TestVisitor(url, seed.a.bot.id);
    await visitor.start();
    await visitor.say('hi');
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(i % 2 ? andy : admin, 'POST', `/${visitor.conversationId}/messages`, { text: `r${i}` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(201));
    const seqs = await Promise.all(replies.map(async (r) => ((await r.json()) as { message: Message }).message.seq));
    expect(new Set(seqs).size).toBe(6);
    const history = await visitor.history(0);
    expect(
      texts(history.body.messages)
        .filter((text) => /^r\d$/.test(text))
        .sort(),
    ).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  });
});
