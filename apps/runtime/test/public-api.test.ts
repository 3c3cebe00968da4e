import { supportBotFlow } from '@flowdesk/engine';
import { describe, expect, it } from 'vitest';
import { updateBot } from '../src/bots/repository';
import { databaseKinds } from './db';
import { seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { texts } from './inbox/fixtures';
import { useTestServer } from './server';

describe.each(databaseKinds)('public widget API on %s', (kind) => {
  const t = useTestServer(kind);
  const ctx = {} as { botId: string };

  it('publishes the demo flow', async () => {
    const { bot } = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, supportBotFlow);
    ctx.botId = bot.id;
  });

  it('greets a new visitor and resumes the same session with the token', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    const session = await visitor.start({ visitor: { name: 'Vera' }, pageUrl: 'https://shop.example/pricing' });
    expect(session.conversation.status).toBe('bot');
    expect(session.conversation.lastSeq).toBeGreaterThanOrEqual(2);
    expect(session.conversation.awaiting).toMatchObject({ type: 'choice' });
    expect(session.settings).toMatchObject({
      botName: expect.any(String),
      theme: { position: 'right' },
      online: true,
    });
    const { body } = await visitor.history();
    expect(texts(body.messages)).toEqual(["Hi there! 👋 I'm the Acme assistant.", 'What can I help you with?']);
    expect(body.messages[1]?.content).toMatchObject({ type: 'choice', options: expect.any(Array) });
    expect(body.messages.map((message) => message.seq)).toEqual([1, 2]);

    const again = await new TestVisitor(t.current.server.url, ctx.botId).start({ visitorToken: session.visitorToken });
    expect(again.visitorId).toBe(session.visitorId);
    expect(again.conversation.id).toBe(session.conversation.id);
  });

  it('runs the flow to a handoff and then only stores messages for the humans', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    const picked = await visitor.pick('human', 'Talk to a human');
    expect(picked.message).toMatchObject({ author: 'visitor', content: { type: 'choice_reply', optionId: 'human' } });
    expect(picked.conversation.status).toBe('needs_agent');
    expect(texts(picked.replies).join(' ')).toContain('Connecting you with our support team.');
    const later = await visitor.say('Hello? Anyone there?');
    expect(later.replies).toEqual([]);
    expect(later.conversation.status).toBe('needs_agent');
    const { body } = await visitor.history(picked.message.seq);
    expect(body.messages.at(-1)?.content).toEqual({ type: 'text', text: 'Hello? Anyone there?' });
  });

  it('takes the offline branch and captures an email when nobody is online', async () => {
    const { bot } = await seedWorkspace(t.current.server.db, 'offline', { agentOnline: false });
    await publishFlow(t.current.server.db, bot.id, supportBotFlow);
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    const session = await visitor.start();
    expect(session.settings.online).toBe(false);
    const picked = await visitor.pick('human', 'Talk to a human');
    expect(picked.conversation.status).toBe('bot');
    expect(texts(picked.replies).join(' ')).toContain("We're offline right now.");
    expect(picked.conversation.awaiting).toMatchObject({ type: 'input', inputType: 'email' });
    // An `offline` event tells agents why nobody took it (and drives the widget's own email form).
    const offlineEvents = (await visitor.history()).body.messages.filter(
      (message) => message.content.type === 'event' && message.content.kind === 'offline',
    );
    expect(offlineEvents).toHaveLength(1);
    const invalid = await visitor.say('not an email');
    expect(invalid.replies.map((reply) => reply.content.type)).toContain('validation_error');
    const captured = await visitor.say('vera@example.com');
    expect(captured.message.content).toEqual({ type: 'text', text: 'vera@example.com' });
    expect(captured.replies.length).toBeGreaterThan(0);
    // The flow's email question fills the visitor's contact email, for agents to write back.
    const stored = await t.current.server.db
      .selectFrom('visitors')
      .select('email')
      .where('id', '=', session.visitorId)
      .executeTakeFirstOrThrow();
    expect(stored.email).toBe('vera@example.com');
  });

  it('stores a retried clientId once and answers with the same message and replies', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    const first = await visitor.send({ type: 'choice_reply', optionId: 'pricing', label: 'Pricing' }, 'same-id');
    const second = await visitor.send({ type: 'choice_reply', optionId: 'pricing', label: 'Pricing' }, 'same-id');
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const a = await first.json();
    const b = await second.json();
    expect(b.message).toEqual(a.message);
    expect(b.replies).toEqual(a.replies);
    const { body } = await visitor.history();
    expect(body.messages.filter((message) => message.clientId === 'same-id')).toHaveLength(1);
  });

  it('answers concurrent sends of one clientId with one 201 and 200s for the rest', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    for (let round = 0; round < 5; round++) {
      const content = { type: 'text', text: `same ${round}` } as const;
      const responses = await Promise.all([1, 2, 3].map(() => visitor.send(content, `race-${round}`)));
      expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 201]);
      const bodies = await Promise.all(responses.map((response) => response.json()));
      expect(new Set(bodies.map((body) => body.message.id)).size).toBe(1);
    }
    const { body } = await visitor.history();
    const raced = body.messages.filter((message) => message.clientId?.startsWith('race-'));
    expect(raced.map((message) => message.clientId)).toEqual(['race-0', 'race-1', 'race-2', 'race-3', 'race-4']);
  });

  it("keeps visitors out of each other's conversations", async () => {
    const alice = new TestVisitor(t.current.server.url, ctx.botId);
    const bob = new TestVisitor(t.current.server.url, ctx.botId);
    await alice.start();
    await bob.start();
    expect((await bob.history(0, alice.conversationId)).status).toBe(404);
    const write = await fetch(`${t.current.server.url}/api/public/conversations/${alice.conversationId}/messages`, {
      method: 'POST',
      headers: bob.headers(),
      body: JSON.stringify({ clientId: 'x', content: { type: 'text', text: 'hijack' } }),
    });
    expect(write.status).toBe(404);
    const noToken = await fetch(`${t.current.server.url}/api/public/conversations/${alice.conversationId}/messages`);
    expect(noToken.status).toBe(401);
    const badToken = await fetch(`${t.current.server.url}/api/public/conversations/${alice.conversationId}/messages`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(badToken.status).toBe(401);
  });

  it('validates input and answers unknown ids with 404', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ type: 'text', text: '' }, 400],
      [{ type: 'text', text: 42 }, 400],
      [{ type: 'html', html: '<b>' }, 400],
      [{ type: 'text', text: 'x'.repeat(5001) }, 400],
    ];
    for (const [content, status] of cases) expect((await visitor.send(content)).status).toBe(status);
    const missingClientId = await fetch(
      `${t.current.server.url}/api/public/conversations/${visitor.conversationId}/messages`,
      {
        method: 'POST',
        headers: visitor.headers(),
        body: JSON.stringify({ content: { type: 'text', text: 'hi' } }),
      },
    );
    expect(missingClientId.status).toBe(400);
    // The prefix of replies that come by email (the inbox marks them) is not a client's to use.
    const asEmailed = await fetch(
      `${t.current.server.url}/api/public/conversations/${visitor.conversationId}/messages`,
      {
        method: 'POST',
        headers: visitor.headers(),
        body: JSON.stringify({ clientId: 'email:forged', content: { type: 'text', text: 'hi' } }),
      },
    );
    expect(asEmailed.status).toBe(400);
    expect((await asEmailed.json()).error.message).toContain('may not start with "email:"');
    const huge = await fetch(`${t.current.server.url}/api/public/conversations/${visitor.conversationId}/messages`, {
      method: 'POST',
      headers: visitor.headers(),
      body: JSON.stringify({ clientId: 'big', content: { type: 'text', text: 'x'.repeat(2_000_000) } }),
    });
    expect(huge.status).toBe(413);
    expect((await visitor.history(0, 'no-such-conversation')).status).toBe(404);
    expect(
      (
        await fetch(`${t.current.server.url}/api/public/bots/no-such-bot/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(404);
    expect((await visitor.history(-1)).status).toBe(400);
    const badEmail = await visitor.contact({ email: 'not-an-email' });
    expect(badEmail.status).toBe(400);
  });

  it('captures a contact email, updates the visitor and starts a new conversation', async () => {
    const visitor = new TestVisitor(t.current.server.url, ctx.botId);
    await visitor.start();
    const contact = await visitor.contact({ email: 'vera@example.com', name: 'Vera' });
    expect(contact.status).toBe(200);
    const { body } = await visitor.history();
    const events = body.messages.map((m: { content: { type: string; kind?: string } }) => m.content.kind);
    // The contact form queues the conversation for the team (waiting for follow-up) right after the email.
    expect(events.slice(-2)).toEqual(['email_captured', 'handoff']);
    expect(body.conversation.status).toBe('needs_agent');
    const patch = await fetch(`${t.current.server.url}/api/public/visitor`, {
      method: 'PATCH',
      headers: visitor.headers(),
      body: JSON.stringify({ variables: { plan: 'pro', seats: 3 } }),
    });
    expect(await patch.json()).toMatchObject({
      visitor: { email: 'vera@example.com', variables: { plan: 'pro', seats: 3 } },
    });
    const fresh = await fetch(`${t.current.server.url}/api/public/conversations`, {
      method: 'POST',
      headers: visitor.headers(),
    });
    expect(fresh.status).toBe(201);
    const { conversation } = await fresh.json();
    expect(conversation.id).not.toBe(visitor.conversationId);
    expect(conversation.lastSeq).toBeGreaterThan(0);
  });

  it("applies the bot's allowed origins", async () => {
    await updateBot(t.current.server.db, ctx.botId, { allowedOrigins: ['https://shop.example'] });
    const allowed = new TestVisitor(t.current.server.url, ctx.botId, 'https://shop.example');
    await allowed.start();
    const response = await allowed.history();
    expect(response.status).toBe(200);
    const ok = await fetch(`${t.current.server.url}/api/public/bots/${ctx.botId}/settings`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const refused = await fetch(`${t.current.server.url}/api/public/bots/${ctx.botId}/settings`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const stolenToken = await fetch(
      `${t.current.server.url}/api/public/conversations/${allowed.conversationId}/messages`,
      {
        headers: { authorization: `Bearer ${allowed.token}`, origin: 'https://evil.example' },
      },
    );
    expect(stolenToken.status).toBe(403);
    const preflight = await fetch(`${t.current.server.url}/api/public/visitor`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'PATCH' },
    });
    expect(preflight.status).toBe(204);
    await updateBot(t.current.server.db, ctx.botId, { allowedOrigins: ['*'] });
  });
});
