import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../../src/email/outbox';
import { createResendSender } from '../../src/email/senders/resend';
import { emailDb } from '../../src/email/tables';
import { claimDueEmails, toOutgoing } from '../../src/email/worker';
import { databaseKinds, useTestDatabase } from '../db';
import { type FakeResendServer, startFakeResend } from '../fakes/resend-server';
import { FROM, outboxRow, queue, resendWorker, sampleEmail, testClock } from './outbox-helpers';

describe.each(databaseKinds)('email outbox and worker on %s', (kind) => {
  const t = useTestDatabase(kind);
  let fake: FakeResendServer;
  beforeEach(async () => {
    fake = await startFakeResend();
    await emailDb(t.current.db).deleteFrom('email_outbox').execute();
  });
  afterEach(() => fake.close());

  it('keeps an email only when the enqueuing transaction commits, then sends it once through Resend', async () => {
    const { db } = t.current;
    const clock = testClock();
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, sampleEmail({ to: 'rolled-back@example.test', now: clock.now() }));
        throw new Error('event failed');
      }),
    ).rejects.toThrow('event failed');
    const id = await db.transaction().execute((trx) => queue(trx, { now: clock.now() }));

    const worker = resendWorker(db, fake, clock);
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const row = await outboxRow(db, id);
    expect(fake.delivered).toHaveLength(1);
    expect(fake.delivered[0]!.payload).toMatchObject({
      from: FROM,
      to: ['ana@example.test'],
      subject: 'Zoé needs an agent',
      text: 'Zoé needs an agent',
      html: '<p>Zoé needs an agent</p>',
      headers: { 'List-Unsubscribe': '<https://desk.example.test/api/email/unsubscribe?token=t>' },
    });
    expect(fake.requests[0]!.idempotencyKey).toBe(row.idempotency_key);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, provider_id: fake.delivered[0]!.id, last_error: null });
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it('retries 5xx answers with exponential backoff and the same idempotency key', async () => {
    const { db } = t.current;
    const clock = testClock();
    const id = await queue(db, { now: clock.now() });
    const worker = resendWorker(db, fake, clock);
    fake.inject({ status: 500 }, { status: 503 });

    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = await outboxRow(db, id);
    expect(row.status).toBe('pending');
    expect(row.last_error).toMatch(/^500 /);
    expect(row.next_attempt_at.getTime() - clock.now().getTime()).toBe(1000);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });

    clock.advance(1000);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    row = await outboxRow(db, id);
    expect(row.next_attempt_at.getTime() - clock.now().getTime()).toBe(2000);

    clock.advance(2000);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    row = await outboxRow(db, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual(Array(3).fill(row.idempotency_key));
    expect(fake.delivered).toHaveLength(1);
  });

  it('retries a timed-out send; Resend dedupes the copy it had already accepted', async () => {
    const { db } = t.current;
    const clock = testClock();
    const id = await queue(db, { now: clock.now() });
    const impatient = resendWorker(db, fake, clock, { timeoutMs: 300 });
    fake.inject({ hang: true, deliver: true });

    expect(await impatient.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await outboxRow(db, id)).last_error).toMatch(/^network /);
    clock.advance(1000);
    // The retry gets a generous timeout so a loaded test machine cannot time it out as well.
    expect(await resendWorker(db, fake, clock).runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.delivered).toHaveLength(1);
    expect((await outboxRow(db, id)).provider_id).toBe(fake.delivered[0]!.id);
  });

  it('gives up after the last attempt, and at once on a permanent 4xx', async () => {
    const { db } = t.current;
    const clock = testClock();
    const flaky = await queue(db, { now: clock.now() });
    const worker = resendWorker(db, fake, clock, { maxAttempts: 3 });
    fake.inject({ status: 500 }, { status: 500 }, { status: 500 });
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    clock.advance(1000);
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    clock.advance(2000);
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    clock.advance(60_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await outboxRow(db, flaky)).toMatchObject({ status: 'failed', attempts: 3 });

    fake.inject({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } });
    const invalid = await queue(db, { to: 'blocked@example.test', now: clock.now() });
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(await outboxRow(db, invalid)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await outboxRow(db, invalid)).last_error).toContain('Invalid `to` field.');
    expect(fake.delivered).toHaveLength(0);
  });

  it('sends exactly one email when a worker crashes mid-send', async () => {
    const { db } = t.current;
    const clock = testClock();
    const id = await queue(db, { now: clock.now() });

    // Worker A claims the row and Resend accepts the email, then A dies before recording it.
    const [claimed] = await claimDueEmails(db, clock.now(), 120_000, 10);
    const sender = createResendSender({ apiKey: 're_test_key', baseUrl: fake.baseUrl });
    const first = await sender.send(toOutgoing(claimed!, FROM));
    expect(first.ok).toBe(true);
    expect((await outboxRow(db, id)).status).toBe('sending');

    // Worker B leaves the row alone while A's lease holds, then takes it over with the same key.
    const worker = resendWorker(db, fake, clock, { leaseMs: 120_000 });
    clock.advance(60_000);
    expect(await worker.drain()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(61_000);
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(fake.requests.map((r) => r.idempotencyKey)).toEqual([claimed!.idempotency_key, claimed!.idempotency_key]);
    expect(fake.delivered).toHaveLength(1);
    expect(await outboxRow(db, id)).toMatchObject({ status: 'sent', attempts: 2, provider_id: fake.delivered[0]!.id });
  });

  it('lets two workers drain the outbox together without sending anything twice', async () => {
    const { db } = t.current;
    const clock = testClock();
    const ids = await Promise.all(
      Array.from({ length: 24 }, (_, i) => queue(db, { to: `agent${i}@example.test`, now: clock.now() })),
    );
    const a = resendWorker(db, fake, clock, { batchSize: 3 });
    const b = resendWorker(db, fake, clock, { batchSize: 3 });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra.sent + rb.sent).toBe(24);
    expect(fake.requests).toHaveLength(24);
    expect(new Set(fake.delivered.map((d) => d.idempotencyKey)).size).toBe(24);
    for (const id of ids) expect((await outboxRow(db, id)).status).toBe('sent');
  });
});
