import { randomUUID } from 'node:crypto';
import { isEmailAddress } from '@flowdesk/contract';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { emailDb, type RenderAgain } from './tables';
import type { RenderedEmail } from './templates';

export interface NewEmail extends RenderedEmail {
  kind: string;
  to: string;
  /** A From of its own (e.g. a conversation's reply address); defaults to the configured EMAIL_FROM. */
  from?: string;
  headers?: Record<string, string>;
  workspaceId?: string | null;
  recipientUserId?: string | null;
  conversationId?: string | null;
  /**
   * Names the logical email (e.g. `sla:<conversation>:<user>`) so enqueueing it twice stores it once.
   * Defaults to a fresh key. Providers receive it as their idempotency key on every attempt.
   */
  idempotencyKey?: string;
  /** At most one email per `key` per `intervalMs` (e.g. needs-attention per conversation and recipient). */
  throttle?: { key: string; intervalMs: number };
  /** Defaults to the current time; tests move it. */
  now?: Date;
  /** Not sent before this instant (a reply email's grace period); defaults to `now`. */
  notBefore?: Date;
  /** For a conversation email: what the worker renders again just before sending (see `refresh.ts`). */
  render?: RenderAgain;
  /** An email the recipient asked for (password reset, invite): sent even to an address that unsubscribed. */
  requested?: boolean;
}

export type EnqueueResult =
  | { status: 'queued'; id: string }
  /** `invalid`: the address is not an email address (e.g. an empty flow variable); nothing is stored. */
  | { status: 'duplicate' | 'throttled' | 'unsubscribed' | 'invalid'; id: null };

/**
 * Throttle key shared by "needs attention" and "assigned to your team": one alert about a waiting
 * conversation per recipient per interval, whichever comes first.
 */
export const handoffAlertThrottleKey = (conversationId: string, address: string) =>
  `handoff_alert:${conversationId}:${address.toLowerCase()}`;

/** Whether `address` asked for no more emails of `kind` (or of any kind). */
export async function isUnsubscribed(db: Kysely<Database>, address: string, kind: string): Promise<boolean> {
  const row = await emailDb(db)
    .selectFrom('email_unsubscribes')
    .select('kind')
    .where('address', '=', address.toLowerCase())
    .where('kind', 'in', [kind, 'all'])
    .executeTakeFirst();
  return row !== undefined;
}

/** Claims the throttle slot atomically: true when the last email under `key` is older than the interval. */
async function takeThrottleSlot(db: Kysely<Database>, key: string, intervalMs: number, now: Date): Promise<boolean> {
  const cutoff = new Date(now.getTime() - intervalMs);
  const row = await emailDb(db)
    .insertInto('email_throttle')
    .values({ key, last_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ last_at: now }).where(sql<boolean>`email_throttle.last_at <= ${cutoff}`),
    )
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Writes an email into the outbox. Call it with the transaction that records the event causing the email,
 * so both commit or neither does; the worker sends it after the commit.
 */
export async function enqueueEmail(trx: Kysely<Database>, email: NewEmail): Promise<EnqueueResult> {
  const now = email.now ?? new Date();
  const to = email.to.trim();
  // Never throw here: a bad address must not roll back the caller's transaction (a visitor's message).
  if (!isEmailAddress(to)) return { status: 'invalid', id: null };
  if (!email.requested && (await isUnsubscribed(trx, to, email.kind))) return { status: 'unsubscribed', id: null };
  if (email.throttle && !(await takeThrottleSlot(trx, email.throttle.key, email.throttle.intervalMs, now))) {
    return { status: 'throttled', id: null };
  }
  const id = randomUUID();
  const row = await emailDb(trx)
    .insertInto('email_outbox')
    .values({
      id,
      workspace_id: email.workspaceId ?? null,
      kind: email.kind,
      to_address: to,
      from_address: email.from ?? null,
      recipient_user_id: email.recipientUserId ?? null,
      conversation_id: email.conversationId ?? null,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: JSON.stringify(email.headers ?? {}),
      render: email.render ? JSON.stringify(email.render) : null,
      idempotency_key: email.idempotencyKey ?? `email:${id}`,
      next_attempt_at: email.notBefore ?? now,
      created_at: now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { status: 'queued', id: row.id } : { status: 'duplicate', id: null };
}
