import { describe, expect, it } from 'vitest';
import { enqueueEmail } from '../../src/email/outbox';
import { createLocalMailboxSender } from '../../src/email/senders/local-mailbox';
import { emailDb } from '../../src/email/tables';
import { applyUnsubscribe } from '../../src/email/unsubscribe';
import { claimDueEmails, createEmailWorker, toOutgoing } from '../../src/email/worker';
import { databaseKinds, useTestDatabase } from '../db';
import { FROM, outboxRow, queue, sampleEmail, testClock } from './outbox-helpers';

describe.each(databaseKinds)('outbox rules on %s', (kind) => {
  const t = useTestDatabase(kind);

  it('stores an email once per idempotency key and refuses bad addresses without throwing', async () => {
    const { db } = t.current;
    const first = await enqueueEmail(db, sampleEmail({ idempotencyKey: 'flow_email:c1:b1:1' }));
    const again = await enqueueEmail(db, sampleEmail({ idempotencyKey: 'flow_email:c1:b1:1', subject: 'changed' }));
    expect(first.status).toBe('queued');
    expect(again).toEqual({ status: 'duplicate', id: null });
    for (const to of ['', 'not-an-address', '{{email}}', 'a@b']) {
      expect(await enqueueEmail(db, sampleEmail({ to }))).toEqual({ status: 'invalid', id: null });
    }
    const stored = await emailDb(db).selectFrom('email_outbox').select('subject').execute();
    expect(stored.map((r) => r.subject)).toEqual(['Zoé needs an agent']);
  });

  it('honours a visitor unsubscribe for that kind of email, or for all', async () => {
    const { db } = t.current;
    await applyUnsubscribe(db, { address: 'Lead@Example.test', userId: null, kind: 'flow_email' });
    expect((await enqueueEmail(db, sampleEmail({ to: 'lead@example.test', kind: 'flow_email' }))).status).toBe(
      'unsubscribed',
    );
    expect((await enqueueEmail(db, sampleEmail({ to: 'LEAD@example.test', kind: 'transcript' }))).status).toBe(
      'queued',
    );
    await applyUnsubscribe(db, { address: 'lead@example.test', userId: null, kind: 'all' });
    expect((await enqueueEmail(db, sampleEmail({ to: 'lead@example.test', kind: 'transcript' }))).status).toBe(
      'unsubscribed',
    );
  });

  it('the local mailbox shows an email once even when a crashed send is repeated', async () => {
    const { db } = t.current;
    await emailDb(db).deleteFrom('email_outbox').execute();
    const clock = testClock();
    const id = await queue(db, { to: 'ana@example.test', now: clock.now() });
    const sender = createLocalMailboxSender(db);
    const [claimed] = await claimDueEmails(db, clock.now(), 60_000, 10);
    const first = await sender.send(toOutgoing(claimed!, FROM));
    clock.advance(61_000);
    const worker = createEmailWorker({ db, sender, from: FROM, now: clock.now });
    expect(await worker.drain()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mailbox = await emailDb(db).selectFrom('mailbox').selectAll().where('outbox_id', '=', id).execute();
    expect(mailbox).toHaveLength(1);
    expect(mailbox[0]).toMatchObject({ from_address: FROM, to_address: 'ana@example.test', read_at: null });
    expect((await outboxRow(db, id)).provider_id).toBe(first.ok ? first.providerId : 'never');
  });
});
