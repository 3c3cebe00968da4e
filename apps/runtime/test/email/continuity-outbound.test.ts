import { describe, expect, it } from 'vitest';
import { signContinueToken } from '../../src/email/continuity/continue-link';
import { namedSecret } from '../../src/email/signing';
import { databaseKinds } from '../db';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { eventually } from '../poll';
import { continueTokenOf, REPLY_ADDRESS, useContinuityServer } from './continuity-harness';

describe.each(databaseKinds)('email continuity, outbound, on %s', (kind) => {
  const s = useContinuityServer(kind);

  it('emails a burst of agent replies to a visitor who is away: one email, from the reply address, with a link', async () => {
    const visitor = await s.visitor('vera.away@example.test');
    const id = visitor.conversationId;
    expect((await s.reply(id, 'Hi Vera, the second charge is refunded.')).status).toBe(201);
    expect((await s.reply(id, 'Anything else I can do?')).status).toBe(201);

    const [email] = await eventually(() => {
      const got = s.deliveredTo('vera.away@example.test');
      return got.length > 0 && got;
    });
    const rows = await eventually(async () => {
      const all = await s.outbox(id);
      return all.every((row) => row.status === 'sent') && all;
    });
    expect(rows).toHaveLength(1);
    expect(s.deliveredTo('vera.away@example.test')).toHaveLength(1);
    const { payload } = email!;
    const address = /<([^>]+)>$/.exec(payload.from)?.[1] ?? '';
    expect(address).toMatch(REPLY_ADDRESS);
    expect(payload.headers?.['Reply-To']).toBe(address);
    expect(payload.text).toContain('the second charge is refunded');
    expect(payload.text).toContain('Anything else I can do?');
    expect(payload.text).toContain('/demo?bot=');
    expect(payload.headers?.['List-Unsubscribe']).toContain('/api/email/unsubscribe?token=');

    // The signed link opens this conversation with its history, in a browser that never had the visitor's token.
    const token = continueTokenOf(payload.text ?? '');
    const exchange = await s.server.current.call('POST', `/api/public/bots/${s.botId}/continue`, {}, { token });
    expect(exchange.status).toBe(200);
    expect(exchange.body.conversationId).toBe(id);
    const scoped = { authorization: `Bearer ${exchange.body.visitorToken}` };
    const history = await s.server.current.call('GET', `/api/public/conversations/${id}/messages?after=0`, scoped);
    expect(history.status).toBe(200);
    const texts = history.body.messages.map((m: { content: { text?: string } }) => m.content.text);
    expect(texts).toEqual(expect.arrayContaining(['Hello!', 'Anything else I can do?']));
    const session = await s.server.current.call(
      'POST',
      `/api/public/bots/${s.botId}/sessions`,
      {},
      {
        visitorToken: exchange.body.visitorToken,
      },
    );
    expect(session.body.conversation.id).toBe(id);

    // Scoped to that one conversation: not the visitor's others; a new one it starts becomes its one.
    const other = await s.server.current.call('POST', '/api/public/conversations', visitor.headers(), {});
    expect(other.status).toBe(201);
    const otherId = other.body.conversation.id as string;
    const read = (conversationId: string) =>
      s.server.current.call('GET', `/api/public/conversations/${conversationId}/messages`, scoped);
    expect((await read(otherId)).status).toBe(404);
    const started = await s.server.current.call('POST', '/api/public/conversations', scoped, {});
    expect(started.status).toBe(201);
    const startedId = started.body.conversation.id as string;
    expect((await read(startedId)).status).toBe(200);
    expect((await read(id)).status).toBe(404);
    expect((await read(otherId)).status).toBe(404);
    const resumed = await s.server.current.call(
      'POST',
      `/api/public/bots/${s.botId}/sessions`,
      {},
      {
        visitorToken: exchange.body.visitorToken,
      },
    );
    expect(resumed.body.conversation.id).toBe(startedId);
  });

  it('stops reply emails to a visitor who unsubscribed with the link of one', async () => {
    const visitor = await s.visitor('vera.unsub@example.test');
    await s.reply(visitor.conversationId, 'First answer');
    const [email] = await eventually(() => {
      const got = s.deliveredTo('vera.unsub@example.test');
      return got.length > 0 && got;
    });
    const link = /<([^>]+)>/.exec(email!.payload.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    const path = new URL(link).pathname + new URL(link).search;
    // RFC 8058 one-click, as mail clients send it.
    const done = await s.server.current.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    await s.reply(visitor.conversationId, 'Second answer');
    expect(await s.outbox(visitor.conversationId)).toHaveLength(1);
  });

  it('refuses a tampered or expired link', async () => {
    const visitor = await s.visitor('vera.links@example.test');
    const call = (token: string) =>
      s.server.current.call('POST', `/api/public/bots/${s.botId}/continue`, {}, { token });
    const secret = await namedSecret(s.db, 'continue_link');
    const claim = { c: visitor.conversationId, v: visitor.session.visitorId, exp: Math.floor(Date.now() / 1000) + 60 };
    const good = signContinueToken(secret, claim);
    expect((await call(good)).status).toBe(200);
    const [body, mac] = good.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...claim, exp: claim.exp + 999_999 })).toString('base64url')}.${mac}`;
    expect(body).not.toBe(forged.split('.')[0]);
    expect(await call(forged)).toMatchObject({ status: 401, body: { error: { code: 'invalid_link' } } });
    const expired = signContinueToken(secret, { ...claim, exp: Math.floor(Date.now() / 1000) - 1 });
    expect(await call(expired)).toMatchObject({ status: 401, body: { error: { code: 'link_expired' } } });
    expect((await call('not-a-token-at-all')).status).toBe(401);
    // The visitor token a link gave stops working when it expires.
    const { visitorToken } = (await call(good)).body as { visitorToken: string };
    await s.db
      .updateTable('conversation_link_tokens' as never)
      .set({ expires_at: new Date(Date.now() - 1000) } as never)
      .execute();
    const history = await s.server.current.call('GET', `/api/public/conversations/${visitor.conversationId}/messages`, {
      authorization: `Bearer ${visitorToken}`,
    });
    expect(history.status).toBe(401);
  });

  it('emails the reply even while the widget is open when the visitor asked to be answered by email', async () => {
    const visitor = await s.visitor('vera.prefers@example.test');
    const socket = await TestSocket.open(wsUrl(s.url, `?visitorToken=${encodeURIComponent(visitor.token)}`));
    try {
      const contact = await visitor.contact({ email: 'vera.prefers@example.test' });
      expect(contact.status).toBe(200);
      expect((await s.reply(visitor.conversationId, 'Answer by email as asked')).status).toBe(201);
      const [email] = await eventually(() => {
        const got = s.deliveredTo('vera.prefers@example.test');
        return got.length > 0 && got;
      });
      expect(email!.payload.text).toContain('Answer by email as asked');
    } finally {
      await socket.close();
    }
  });

  it('sends nothing while the visitor is in the widget: they read the reply live', async () => {
    const visitor = await s.visitor('vera.here@example.test');
    const socket = await s.openWidget(visitor);
    try {
      socket.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
      expect((await s.reply(visitor.conversationId, 'Live answer for Vera')).status).toBe(201);
      await socket.until((frames) =>
        frames.some(
          (f) =>
            f.type === 'message' &&
            f.message.content.type === 'text' &&
            f.message.content.text === 'Live answer for Vera',
        ),
      );
      const [row] = await eventually(async () => {
        const rows = await s.outbox(visitor.conversationId);
        return rows.length > 0 && rows.every((r) => r.status === 'cancelled') && rows;
      });
      expect(row!.last_error).toBe('visitor in the widget');
      expect(s.deliveredTo('vera.here@example.test')).toHaveLength(0);
    } finally {
      await socket.close();
    }
  });
  it('sends the rating request after the reply it asks about, not before (the reply waits its grace period)', async () => {
    const visitor = await s.visitor('vera.rates@example.test');
    const id = visitor.conversationId;
    expect((await s.reply(id, 'Refunded the double charge.')).status).toBe(201);
    const resolved = await s.server.current.call('POST', `/api/inbox/conversations/${id}/resolve`, s.agentHeaders);
    expect(resolved.status).toBe(200);
    const delivered = await eventually(() => {
      const got = s.deliveredTo('vera.rates@example.test');
      return got.length === 2 && got;
    });
    expect(delivered.map((email) => email.payload.subject)).toEqual([
      expect.stringContaining('replied to your conversation'),
      expect.stringContaining('How did we do?'),
    ]);
  });
});
