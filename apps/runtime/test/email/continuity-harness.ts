import { randomBytes } from 'node:crypto';
import { beforeAll } from 'vitest';
import type { DatabaseKind } from '../../src/db/database';
import { emailDb } from '../../src/email/tables';
import { postResendWebhook } from '../fakes/resend-webhook';
import { TestServerWithFakeResend, useServerWithFakeResend } from '../fakes/use-fake-resend';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { helloFlow, publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { eventually } from '../poll';
import type { JsonAnswer } from '../server';

export const REPLY_DOMAIN = 'reply.example.test';
export const REPLY_ADDRESS = /^reply\+[0-9a-f]{32}-[0-9a-f]{20}@reply\.example\.test$/;

/**
 * A runtime (real HTTP, sockets and email worker) sending through the real `resend` SDK to the fake
 * Resend server, with an inbound webhook secret, and a workspace whose bot a visitor with an email talks to.
 */
export function useContinuityServer(kind: DatabaseKind, graceMs = 2000) {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const running = useServerWithFakeResend(kind, {
    RESEND_WEBHOOK_SECRET: secret,
    EMAIL_REPLY_DOMAIN: REPLY_DOMAIN,
    EMAIL_REPLY_GRACE_MS: graceMs,
    PUBLIC_URL: 'https://desk.example.test',
  });
  return new ContinuityServer(running, secret);
}

class ContinuityServer extends TestServerWithFakeResend {
  readonly #seeded = {} as {
    ws: Awaited<ReturnType<typeof seedWorkspace>>;
    agent: Record<string, string>;
    admin: Record<string, string>;
  };

  constructor(
    running: ReturnType<typeof useServerWithFakeResend>,
    private readonly webhookSecret: string,
  ) {
    super(running);
    beforeAll(async () => {
      this.#seeded.ws = await seedWorkspace(this.db);
      await publishFlow(this.db, this.#seeded.ws.bot.id, helloFlow());
      this.#seeded.agent = await loginHeaders(this.url, this.#seeded.ws.agent.email);
      this.#seeded.admin = await loginHeaders(this.url, this.#seeded.ws.admin.email);
    });
  }

  get botId() {
    return this.#seeded.ws.bot.id;
  }

  get agentHeaders() {
    return this.#seeded.agent;
  }

  get adminHeaders() {
    return this.#seeded.admin;
  }

  /** A visitor who left their email, in a conversation of their own. */
  /** A visitor who gave their email (and a name, unless `name` is null) to the widget. */
  async visitor(email: string, name: string | null = 'Vera') {
    const visitor = new TestVisitor(this.url, this.botId);
    await visitor.start({ visitor: name === null ? { email } : { email, name } });
    return visitor;
  }

  /** The visitor's widget socket, once its connection row is recorded (written in the background). */
  async openWidget(visitor: TestVisitor) {
    const socket = await TestSocket.open(wsUrl(this.url, `?visitorToken=${encodeURIComponent(visitor.token)}`));
    await eventually(async () => {
      const rows = await this.db
        .selectFrom('visitor_connections' as never)
        .selectAll()
        .where('visitor_id' as never, '=', visitor.session.visitorId as never)
        .execute();
      return rows.length > 0;
    });
    return socket;
  }

  reply(conversationId: string, text: string): Promise<JsonAnswer> {
    return this.server.current.call('POST', `/api/inbox/conversations/${conversationId}/messages`, this.agentHeaders, {
      text,
    });
  }

  /** Emails the fake Resend accepted for this address. */
  deliveredTo(address: string) {
    return this.fake.deliveredTo(address);
  }

  outbox(conversationId: string) {
    return emailDb(this.db)
      .selectFrom('email_outbox')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('kind', '=', 'visitor_reply')
      .execute();
  }

  /** A webhook request signed the way Resend (Svix) signs it; `key` signs with another secret (forgery). */
  signedWebhook(event: object, options: { id?: string; key?: string } = {}) {
    return postResendWebhook(`${this.url}/api/email/inbound`, options.key ?? this.webhookSecret, event, options.id);
  }
}

/** The `flowdesk_continue` token of an email's link. */
export function continueTokenOf(text: string): string {
  const match = /flowdesk_continue=([A-Za-z0-9_.%-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no continue link in: ${text.slice(0, 500)}`);
  return decodeURIComponent(match[1]);
}
