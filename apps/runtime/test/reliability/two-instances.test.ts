import { describe, expect, it } from 'vitest';
import { createResendSender } from '../../src/email/senders/resend';
import { emailDb } from '../../src/email/tables';
import { createEmailWorker } from '../../src/email/worker';
import type { RunningServer } from '../../src/server';
import { FROM, queue } from '../email/outbox-helpers';
import { startFakeResend } from '../fakes/resend-server';
import { loginHeaders } from '../fixtures/accounts';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { perSuite } from '../per-suite';
import { useInstances } from '../server';
import { sendVisitorText, startVisitors } from './harness/clients';
import { seedEchoBot } from './harness/echo-bot';
import { isCompleteRun } from './harness/ledger';

const CONVERSATIONS = 8;
const MESSAGES_EACH = 6;
const EMAILS = 60;

describe('two runtime instances on one PostgreSQL behave as one', () => {
  const resend = perSuite(startFakeResend);
  // The instances' own background email workers (when enabled) send through the same fake.
  const instances = useInstances({
    configure: (database) => ({ ...database, RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.current.baseUrl }),
  });

  it('visitors writing through both instances at once: agents on each see every message once, in seq order', async () => {
    const { database, a, b } = instances.current;
    const { bot, agent } = await seedEchoBot(database.db);
    const visitors = await startVisitors(a.url, bot.id, CONVERSATIONS, 4);
    const sockets = await Promise.all(
      [a, b].map(async (server) => {
        const { cookie } = await loginHeaders(server.url, agent.email);
        const socket = await TestSocket.open(wsUrl(server.url), { headers: { cookie } });
        for (const { conversationId } of visitors) socket.send({ type: 'subscribe', conversationId, afterSeq: 0 });
        return socket;
      }),
    );
    // Each conversation gets messages through A and B alternately, all conversations concurrently.
    const statuses = await Promise.all(
      visitors.map(async (visitor) => {
        const seen: number[] = [];
        for (let n = 0; n < MESSAGES_EACH; n++) {
          const server = n % 2 === 0 ? a : b;
          seen.push(await sendVisitorText(server.url, visitor, `m-${n}`, `message ${n}`));
        }
        return seen;
      }),
    );
    expect(statuses.flat().every((status) => status === 201)).toBe(true);
    const lastSeqs = new Map(
      (await database.db.selectFrom('conversations').select(['id', 'last_seq']).execute()).map((row) => [
        row.id,
        row.last_seq,
      ]),
    );
    for (const socket of sockets) {
      await socket.until(
        () =>
          visitors.every(
            (visitor) => socket.seqs(visitor.conversationId).at(-1) === lastSeqs.get(visitor.conversationId),
          ),
        15_000,
      );
      for (const visitor of visitors) {
        const received = socket.messages(visitor.conversationId);
        expect(isCompleteRun(received)).toBe(true);
        expect(received.filter((message) => message.author === 'visitor')).toHaveLength(MESSAGES_EACH);
      }
    }
    await Promise.all(sockets.map((socket) => socket.close()));
  });

  it('email outbox: workers on both instances claim with SKIP LOCKED, every email is sent exactly once', async () => {
    const { database, a, b } = instances.current;
    const fake = resend.current;
    const ids: string[] = [];
    for (let n = 0; n < EMAILS; n++) ids.push(await queue(a.db, { to: `person-${n}@example.test` }));
    const worker = (server: RunningServer) =>
      createEmailWorker({
        db: server.db,
        sender: createResendSender({ apiKey: 're_test_key', baseUrl: fake.baseUrl, timeoutMs: 10_000 }),
        from: FROM,
        batchSize: 4,
      });
    // Extra workers on both instances' pools compete with the instances' own background workers.
    await Promise.all([worker(a).drain(), worker(b).drain(), worker(a).drain(), worker(b).drain()]);
    const deadline = Date.now() + 20_000;
    while (fake.delivered.length < EMAILS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fake.delivered).toHaveLength(EMAILS);
    expect(fake.requests).toHaveLength(EMAILS);
    const keys = fake.requests.map((request) => request.idempotencyKey);
    expect(new Set(keys).size).toBe(EMAILS);
    // The instances' own workers may still be recording a send the fake server already answered.
    const states = async () =>
      (await emailDb(database.db).selectFrom('email_outbox').select(['id', 'status', 'attempts']).execute())
        .filter((row) => ids.includes(row.id))
        .map((row) => `${row.status}/${row.attempts}`);
    await expect.poll(states, { timeout: 10_000 }).toEqual(ids.map(() => 'sent/1'));
  });
});
