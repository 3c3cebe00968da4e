import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server speaking Resend's `POST /emails` and `GET /emails/receiving/{id}` (inbound email
 * content, read after an `email.received` webhook), so the real `resend` SDK runs in tests.
 * Like Resend it dedupes on the `Idempotency-Key` header: a repeat with the same key and body gets the
 * first answer back and delivers nothing new; the same key with another body is a 409.
 */

export type EmailPayload = {
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  [key: string]: unknown;
};

export type RecordedRequest = {
  apiKey: string | null;
  idempotencyKey: string | null;
  body: EmailPayload;
  status: number | 'hung';
};
export type DeliveredEmail = { id: string; idempotencyKey: string | null; payload: EmailPayload };

/** What to do with the next request instead of the normal answer. */
export type Fault =
  | { status: number; body?: unknown }
  /** Keep the connection open without answering; with `deliver`, the email counts as sent first. */
  | { hang: true; deliver?: boolean };

/** An email Resend received on the inbound domain, as `GET /emails/receiving/{id}` returns it. */
export type ReceivedEmail = {
  from: string;
  to: string[];
  subject: string;
  text: string | null;
  html?: string | null;
  attachments?: Array<{ filename: string; content_type: string; size: number }>;
};

export type FakeResendServer = {
  /** Base URL for `new Resend(key, { baseUrl })`. */
  baseUrl: string;
  /** Every `POST /emails`, including failures and duplicates. */
  requests: RecordedRequest[];
  /** Emails Resend would actually deliver (one per idempotency key). */
  delivered: DeliveredEmail[];
  /** The delivered emails addressed (among others) to `address`. */
  deliveredTo(address: string): DeliveredEmail[];
  /** Faults used one per request, in order, before normal answers resume. */
  inject(...faults: Fault[]): void;
  /** Stores an inbound email (what Resend keeps before posting `email.received`); returns its id. */
  receive(email: ReceivedEmail): string;
  /** Ids asked for with `GET /emails/receiving/{id}` (the SDK's `emails.receiving.get`). */
  receivingReads: string[];
  close(): Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const error = (statusCode: number, name: string, message: string) => ({ statusCode, name, message });

export async function startFakeResend(): Promise<FakeResendServer> {
  const requests: RecordedRequest[] = [];
  const delivered: DeliveredEmail[] = [];
  const faults: Fault[] = [];
  const byKey = new Map<string, { raw: string; id: string }>();
  const hanging = new Set<ServerResponse>();

  function deliver(idempotencyKey: string | null, raw: string, payload: EmailPayload): string {
    if (idempotencyKey) {
      const seen = byKey.get(idempotencyKey);
      if (seen) return seen.id;
    }
    const id = randomUUID();
    if (idempotencyKey) byKey.set(idempotencyKey, { raw, id });
    delivered.push({ id, idempotencyKey, payload });
    return id;
  }

  const received = new Map<string, ReceivedEmail & { id: string; created_at: string }>();
  const receivingReads: string[] = [];

  function readReceived(req: IncomingMessage, res: ServerResponse): void {
    const id = decodeURIComponent((req.url ?? '').split('?')[0]!.slice('/emails/receiving/'.length));
    receivingReads.push(id);
    const email = received.get(id);
    if (!(req.headers.authorization ?? '').startsWith('Bearer ')) {
      reply(res, 401, error(401, 'missing_api_key', 'Missing API key in the authorization header.'));
      return;
    }
    if (!email) {
      reply(res, 404, error(404, 'not_found', 'Email not found'));
      return;
    }
    reply(res, 200, {
      object: 'email',
      id,
      to: email.to,
      from: email.from,
      created_at: email.created_at,
      subject: email.subject,
      bcc: null,
      cc: null,
      reply_to: null,
      received_for: email.to,
      html: email.html ?? null,
      text: email.text,
      headers: {},
      message_id: `<${id}@fake.resend>`,
      attachments: (email.attachments ?? []).map((a, i) => ({
        id: `${id}-att-${i}`,
        filename: a.filename,
        size: a.size,
        content_type: a.content_type,
        content_id: null,
        content_disposition: 'attachment',
      })),
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url?.startsWith('/emails/receiving/')) return readReceived(req, res);
    if (req.method !== 'POST' || req.url !== '/emails') {
      return reply(res, 404, error(404, 'not_found', 'The requested endpoint does not exist.'));
    }
    const raw = await readBody(req);
    const auth = req.headers.authorization ?? '';
    const apiKey = auth.startsWith('Bearer ') ? auth.slice(7) : null;
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const body = JSON.parse(raw) as EmailPayload;
    const record: RecordedRequest = { apiKey, idempotencyKey, body, status: 200 };
    requests.push(record);

    if (!apiKey) {
      record.status = 401;
      return reply(res, 401, error(401, 'missing_api_key', 'Missing API key in the authorization header.'));
    }
    const fault = faults.shift();
    if (fault && 'hang' in fault) {
      record.status = 'hung';
      if (fault.deliver) deliver(idempotencyKey, raw, body);
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fault) {
      record.status = fault.status;
      return reply(res, fault.status, fault.body ?? error(fault.status, 'internal_server_error', 'Injected failure'));
    }
    const seen = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
    if (seen && seen.raw !== raw) {
      record.status = 409;
      return reply(res, 409, error(409, 'invalid_idempotent_request', 'Same idempotency key with another payload.'));
    }
    if (!body.from || !body.to || !body.subject) {
      record.status = 422;
      return reply(res, 422, error(422, 'validation_error', 'Missing `from`, `to` or `subject` field.'));
    }
    reply(res, 200, { id: deliver(idempotencyKey, raw, body) });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => reply(res, 400, error(400, 'validation_error', String(err))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    deliveredTo: (address) => delivered.filter((email) => [email.payload.to].flat().includes(address)),
    inject: (...more) => faults.push(...more),
    receive(email) {
      const id = randomUUID();
      received.set(id, { ...email, id, created_at: new Date().toISOString() });
      return id;
    },
    receivingReads,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
