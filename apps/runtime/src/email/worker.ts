import { backoffDelay } from '@flowdesk/contract';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { beforeSend } from './refresh';
import type { EmailSender, OutgoingEmail, SendResult } from './senders/sender';
import { emailDb, type OutboxRow } from './tables';

export interface EmailWorkerOptions {
  db: Kysely<Database>;
  sender: EmailSender;
  /** The From header, e.g. config EMAIL_FROM. */
  from: string;
  /** Attempts before a row is marked failed. */
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a claimed row stays ours; after that (worker crashed) another worker sends it again. */
  leaseMs?: number;
  batchSize?: number;
  now?: () => Date;
  /** A visitor socket row older than this is gone (see realtime/visitor-presence.ts). */
  visitorStaleMs?: number;
}

export interface WorkerRunResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Takes due rows — pending ones whose time has come and `sending` ones whose lease ran out — with
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers never take the same row, and leases them.
 */
export async function claimDueEmails(
  db: Kysely<Database>,
  now: Date,
  leaseMs: number,
  batchSize: number,
): Promise<OutboxRow[]> {
  return emailDb(db)
    .transaction()
    .execute(async (trx) => {
      const due = await trx
        .selectFrom('email_outbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      return trx
        .updateTable('email_outbox')
        .set({
          status: 'sending',
          locked_until: new Date(now.getTime() + leaseMs),
          attempts: sql<number>`attempts + 1`,
        })
        .where(
          'id',
          'in',
          due.map((row) => row.id),
        )
        .returningAll()
        .execute();
    });
}

/** What a sender gets for an outbox row (the same idempotency key on every attempt). */
export function toOutgoing(row: OutboxRow, from: string): OutgoingEmail {
  return {
    outboxId: row.id,
    workspaceId: row.workspace_id,
    from: row.from_address ?? from,
    to: row.to_address,
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: row.headers,
    idempotencyKey: row.idempotency_key,
  };
}

async function sendSafely(sender: EmailSender, email: OutgoingEmail): Promise<SendResult> {
  try {
    return await sender.send(email);
  } catch (error) {
    return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
}

export function createEmailWorker(options: EmailWorkerOptions) {
  const maxAttempts = options.maxAttempts ?? 6;
  const baseBackoffMs = options.baseBackoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 10;
  const now = options.now ?? (() => new Date());
  const mail = emailDb(options.db);

  async function settle(row: OutboxRow, result: SendResult): Promise<keyof WorkerRunResult> {
    const at = now();
    const mine = (q: ReturnType<typeof mail.updateTable<'email_outbox'>>) =>
      q.where('id', '=', row.id).where('status', '=', 'sending').where('attempts', '=', row.attempts);
    if (result.ok) {
      await mine(mail.updateTable('email_outbox'))
        .set({ status: 'sent', provider_id: result.providerId, sent_at: at, locked_until: null, last_error: null })
        .execute();
      return 'sent';
    }
    const retry = result.retryable && row.attempts < maxAttempts;
    await mine(mail.updateTable('email_outbox'))
      .set({
        status: retry ? 'pending' : 'failed',
        last_error: result.error.slice(0, 1000),
        locked_until: null,
        next_attempt_at: retry
          ? new Date(at.getTime() + backoffDelay(row.attempts, { baseMs: baseBackoffMs, maxMs: maxBackoffMs }))
          : at,
      })
      .execute();
    return retry ? 'retried' : 'failed';
  }

  let lastClaimed = 0;

  /** Renders a conversation email again, or puts it back until its summary exists (null: not sent now). */
  async function prepare(claimed: OutboxRow): Promise<OutboxRow | null> {
    const mine = (q: ReturnType<typeof mail.updateTable<'email_outbox'>>) =>
      q.where('id', '=', claimed.id).where('status', '=', 'sending').where('attempts', '=', claimed.attempts);
    // Rendered again only before the first attempt: whatever was sent under the idempotency key may have
    // been accepted (an answer lost to a timeout), so every later attempt sends exactly that again.
    // Resend refuses another body under the same key (409), and would rightly never send it twice.
    if (claimed.attempts > 1) return claimed;
    const prepared = await beforeSend(options.db, claimed, now(), {
      visitorStaleMs: options.visitorStaleMs ?? 90_000,
    }).catch(() => ({ action: 'send' }) as const);
    if (prepared.action === 'cancel') {
      await mine(mail.updateTable('email_outbox'))
        .set({ status: 'cancelled', locked_until: null, last_error: prepared.reason })
        .execute();
      return null;
    }
    if (prepared.action === 'wait') {
      // Not an attempt: back to pending, due when the summary may be there.
      await mine(mail.updateTable('email_outbox'))
        .set({ status: 'pending', locked_until: null, next_attempt_at: prepared.until, attempts: claimed.attempts - 1 })
        .execute();
      return null;
    }
    if (!('email' in prepared)) return claimed;
    await mine(mail.updateTable('email_outbox')).set(prepared.email).execute();
    return { ...claimed, ...prepared.email };
  }

  /** One pass: claim due rows, send them, record each outcome. */
  async function runOnce(): Promise<WorkerRunResult> {
    const claimed = await claimDueEmails(options.db, now(), leaseMs, batchSize);
    lastClaimed = claimed.length;
    const rows = (await Promise.all(claimed.map(prepare))).filter((row): row is OutboxRow => row !== null);
    const outcomes = await Promise.all(
      rows.map(async (row) => settle(row, await sendSafely(options.sender, toOutgoing(row, options.from)))),
    );
    const result: WorkerRunResult = { sent: 0, retried: 0, failed: 0 };
    for (const outcome of outcomes) result[outcome]++;
    return result;
  }

  /** Runs passes until nothing is due right now (handy after a burst, and in tests). */
  async function drain(): Promise<WorkerRunResult> {
    const total: WorkerRunResult = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const pass = await runOnce();
      total.sent += pass.sent;
      total.retried += pass.retried;
      total.failed += pass.failed;
      // A pass that only put emails back (waiting for a summary) may have left other due rows behind.
      if (pass.sent + pass.retried + pass.failed === 0 && lastClaimed === 0) return total;
    }
  }

  return { runOnce, drain };
}

export type EmailWorker = ReturnType<typeof createEmailWorker>;
