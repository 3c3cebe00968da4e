import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { conversationReplyAddress } from '../../src/email/continuity/reply-address';
import { emailDb } from '../../src/email/tables';
import { databaseKinds } from '../db';
import { receivedEvent as resendReceivedEvent } from '../fakes/resend-webhook';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { REPLY_DOMAIN, useContinuityServer } from './continuity-harness';

const QUOTED = `Thanks, the invoice number is 4821.

Best,
Vera
--
Vera Visitor | Acme Corp

On Fri, Dec 4, 2026 at 9:00 PM Support <reply@x> wrote:
> Hi Vera, the second charge is refunded.
> Anything else?
`;

/** What Resend posts for Vera's reply: metadata only (the content is read by id), with one attachment. */
const receivedEvent = (emailId: string, to: string) =>
  resendReceivedEvent(emailId, to, 'Vera <vera.in@example.test>', 'Re: Sam replied', [
    {
      id: 'a1',
      filename: 'invoice.pdf',
      content_type: 'application/pdf',
      content_disposition: 'attachment',
      content_id: null,
    },
  ]);

describe.each(databaseKinds)('email continuity, inbound, on %s', (kind) => {
  const s = useContinuityServer(kind);

  const detail = async (id: string) =>
    (await s.server.current.call('GET', `/api/inbox/conversations/${id}`, s.agentHeaders)).body as {
      messages: Array<{ author: string; content: { type: string; text?: string } }>;
    };

  it('puts a signed emailed reply into the same conversation, live for the agent, once per event', async () => {
    const visitor = await s.visitor('vera.in@example.test');
    const id = visitor.conversationId;
    await s.reply(id, 'Hi Vera, the second charge is refunded.');
    // The agent has the conversation open in the inbox (its socket follows it).
    const agentSocket = await TestSocket.open(wsUrl(s.url), { headers: { cookie: s.agentHeaders.cookie! } });
    agentSocket.send({ type: 'subscribe', conversationId: id, afterSeq: 0 });
    await agentSocket.until((frames) => frames.some((f) => f.type === 'message'));
    const to = await conversationReplyAddress(s.db, id, REPLY_DOMAIN);
    const emailId = s.fake.receive({
      from: 'Vera <vera.in@example.test>',
      to: [to],
      subject: 'Re: Sam replied',
      text: QUOTED,
      attachments: [{ filename: 'invoice.pdf', content_type: 'application/pdf', size: 20_480 }],
    });
    const event = receivedEvent(emailId, to);
    const first = await s.signedWebhook(event, { id: 'msg_replay_1' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: 'stored', conversationId: id });
    expect(s.fake.receivingReads).toContain(emailId);

    const expected = 'Thanks, the invoice number is 4821.\n\nBest,\nVera\n\nAttachments:\n📎 invoice.pdf (20 KB)';
    await agentSocket.until((frames) =>
      frames.some(
        (f) =>
          f.type === 'message' &&
          f.message.conversationId === id &&
          f.message.content.type === 'text' &&
          f.message.content.text === expected,
      ),
    );
    await agentSocket.close();

    // Svix delivers again (same svix-id): stored once.
    const again = await s.signedWebhook(event, { id: 'msg_replay_1' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate', conversationId: id });
    const fromVisitor = (await detail(id)).messages.filter(
      (m) => m.author === 'visitor' && m.content.text === expected,
    );
    expect(fromVisitor).toHaveLength(1);
    const stored = await s.db
      .selectFrom('inbound_emails' as never)
      .selectAll()
      .execute();
    expect(stored.filter((row) => (row as { event_id: string }).event_id === 'msg_replay_1')).toHaveLength(1);
  });

  it("names a visitor known only by address after their mail client's From name, never renaming anyone", async () => {
    const emailFrom = async (visitor: { conversationId: string }, from: string, event: string) => {
      const to = await conversationReplyAddress(s.db, visitor.conversationId, REPLY_DOMAIN);
      const emailId = s.fake.receive({ from, to: [to], subject: 'Re: hello', text: 'Still there?', attachments: [] });
      const sent = await s.signedWebhook(resendReceivedEvent(emailId, to, from, 'Re: hello', []), { id: event });
      expect(sent.status).toBe(200);
    };
    const visitorName = async (id: string) =>
      (
        (await s.server.current.call('GET', `/api/inbox/conversations/${id}`, s.agentHeaders)).body as {
          visitor: { name: string | null };
        }
      ).visitor.name;
    const unnamed = await s.visitor('nina.unnamed@example.test', null);
    expect(await visitorName(unnamed.conversationId)).toBeNull();
    // Someone else writing to the reply address (a forward) does not name the visitor.
    await emailFrom(unnamed, 'Boss Person <boss@example.test>', 'msg_name_1');
    expect(await visitorName(unnamed.conversationId)).toBeNull();
    await emailFrom(unnamed, '"Nina  Unnamed" <Nina.Unnamed@example.test>', 'msg_name_2');
    expect(await visitorName(unnamed.conversationId)).toBe('Nina Unnamed');
    const named = await s.visitor('vera.named@example.test');
    await emailFrom(named, 'V. Visitor-Smith <vera.named@example.test>', 'msg_name_3');
    expect(await visitorName(named.conversationId)).toBe('Vera');
  });

  it('refuses a forged signature, a made-up reply address and a malformed event', async () => {
    const visitor = await s.visitor('vera.forged@example.test');
    const to = await conversationReplyAddress(s.db, visitor.conversationId, REPLY_DOMAIN);
    const reads = s.fake.receivingReads.length;
    const otherKey = `whsec_${randomBytes(24).toString('base64')}`;
    const forged = await s.signedWebhook(receivedEvent('e-forged', to), { key: otherKey });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe('invalid_signature');
    const unsigned = await fetch(`${s.url}/api/email/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(receivedEvent('e-unsigned', to)),
    });
    expect(unsigned.status).toBe(401);
    // The conversation id is public to whoever saw it; the address's MAC is not.
    const madeUp = to.replace(/-[0-9a-f]{20}@/, `-${'0'.repeat(20)}@`);
    const unknown = await s.signedWebhook(receivedEvent('e-unknown', madeUp));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.code).toBe('unknown_address');
    const malformed = await s.signedWebhook({ type: 'email.received', data: { to: 'nobody' } });
    expect(malformed.status).toBe(400);
    expect(s.fake.receivingReads.length).toBe(reads);
    expect((await detail(visitor.conversationId)).messages.filter((m) => m.author === 'visitor')).toHaveLength(0);
  });

  it('stops emailing an address that bounced', async () => {
    const visitor = await s.visitor('vera.bounce@example.test');
    const bounced = await s.signedWebhook({
      type: 'email.bounced',
      created_at: new Date().toISOString(),
      data: {
        email_id: 'x',
        from: 'a@b',
        to: ['Vera.Bounce@example.test'],
        subject: 's',
        bounce: { type: 'Permanent', subType: 'General', message: 'no such user' },
      },
    });
    expect(bounced.status).toBe(200);
    expect(await bounced.json()).toEqual({ status: 'suppressed', conversationId: null });
    expect((await s.reply(visitor.conversationId, 'Are you there?')).status).toBe(201);
    expect(await s.outbox(visitor.conversationId)).toHaveLength(0);
    const suppressed = await emailDb(s.db)
      .selectFrom('email_unsubscribes')
      .selectAll()
      .where('address', '=', 'vera.bounce@example.test')
      .execute();
    expect(suppressed.map((row) => row.kind)).toEqual(['all']);
  });

  it("simulates the visitor's reply through the local mailbox (admins only)", async () => {
    const visitor = await s.visitor('vera.local@example.test');
    const to = await conversationReplyAddress(s.db, visitor.conversationId, REPLY_DOMAIN);
    const body = { to, from: 'vera.local@example.test', text: 'Typed in the mailbox\n\n> quoted line' };
    const asAgent = await s.server.current.call('POST', '/api/email/mailbox/inbound', s.agentHeaders, body);
    expect(asAgent.status).toBe(403);
    const asAdmin = await s.server.current.call('POST', '/api/email/mailbox/inbound', s.adminHeaders, body);
    expect(asAdmin).toMatchObject({ status: 200, body: { status: 'stored', conversationId: visitor.conversationId } });
    const texts = (await detail(visitor.conversationId)).messages.map((m) => m.content.text);
    expect(texts).toContain('Typed in the mailbox');
    const wrong = await s.server.current.call('POST', '/api/email/mailbox/inbound', s.adminHeaders, {
      ...body,
      to: `reply+${'a'.repeat(32)}-${'b'.repeat(20)}@${REPLY_DOMAIN}`,
    });
    expect(wrong.status).toBe(422);
  });
});
