import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { enqueueEmail, type NewEmail } from '../../src/email/outbox';
import { createResendSender } from '../../src/email/senders/resend';
import { emailDb } from '../../src/email/tables';
import { createEmailWorker, type EmailWorkerOptions } from '../../src/email/worker';
import type { FakeResendServer } from '../fakes/resend-server';

export const FROM = 'Flowdesk <notifications@example.test>';

/** A hand-set clock the worker reads, so backoff and leases are tested without sleeping. */
export function testClock(start = new Date('2026-06-01T10:00:00Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
  };
}

export function sampleEmail(overrides: Partial<NewEmail> = {}): NewEmail {
  return {
    kind: 'needs_attention',
    to: 'ana@example.test',
    subject: 'Zoé needs an agent',
    html: '<p>Zoé needs an agent</p>',
    text: 'Zoé needs an agent',
    headers: { 'List-Unsubscribe': '<https://desk.example.test/api/email/unsubscribe?token=t>' },
    ...overrides,
  };
}

export async function queue(db: Kysely<Database>, overrides: Partial<NewEmail> = {}) {
  const result = await enqueueEmail(db, sampleEmail(overrides));
  if (result.status !== 'queued') throw new Error(`not queued: ${result.status}`);
  return result.id;
}

export const outboxRow = (db: Kysely<Database>, id: string) =>
  emailDb(db).selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The outbox rows of one conversation, or of a whole workspace, ordered by kind. */
export function outboxByKind(db: Kysely<Database>, of: { conversationId: string } | { workspaceId: string }) {
  const rows = emailDb(db).selectFrom('email_outbox').selectAll().orderBy('kind');
  return 'conversationId' in of
    ? rows.where('conversation_id', '=', of.conversationId).execute()
    : rows.where('workspace_id', '=', of.workspaceId).execute();
}

export function resendWorker(
  db: Kysely<Database>,
  fake: FakeResendServer,
  clock: { now: () => Date },
  { timeoutMs = 5000, ...options }: Partial<EmailWorkerOptions> & { timeoutMs?: number } = {},
) {
  // Generous by default: a loaded machine must not turn a slow answer into a retry. Hang tests pass less.
  const sender = createResendSender({ apiKey: 're_test_key', baseUrl: fake.baseUrl, timeoutMs });
  return createEmailWorker({ db, sender, from: FROM, now: clock.now, baseBackoffMs: 1000, ...options });
}
