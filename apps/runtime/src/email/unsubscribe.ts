import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { NotificationEvent, writePreferences } from './preferences';
import { emailDb } from './tables';
import { type UnsubscribeClaim, unsubscribeSecret, verifyUnsubscribeToken } from './unsubscribe-token';

export const KIND_WORDS: Record<string, string> = {
  needs_attention: 'conversations that need an agent',
  assigned_to_you: 'conversations assigned to you',
  assigned_to_team: 'conversations assigned to your team',
  unseen_message: 'unanswered visitor messages',
  mentioned: 'mentions in internal notes',
  sla_escalation: 'SLA escalations',
  flow_email: 'emails from our assistant',
  transcript: 'conversation transcripts',
  visitor_reply: 'replies from our team',
  csat_request: 'requests to rate our answers',
  all: 'all emails',
};

export async function readUnsubscribeToken(db: Kysely<Database>, token: string): Promise<UnsubscribeClaim | null> {
  return verifyUnsubscribeToken(await unsubscribeSecret(db), token);
}

/**
 * Applies a verified claim: a user's notification preference turns off (they can turn it on again in
 * settings); a bare address (visitor) is put on the suppression list for that kind.
 */
export async function applyUnsubscribe(db: Kysely<Database>, claim: UnsubscribeClaim): Promise<void> {
  const event = NotificationEvent.safeParse(claim.kind);
  if (claim.userId && (event.success || claim.kind === 'all')) {
    const events = event.success ? [event.data] : NotificationEvent.options;
    await writePreferences(db, claim.userId, Object.fromEntries(events.map((e) => [e, false])));
    return;
  }
  await emailDb(db)
    .insertInto('email_unsubscribes')
    .values({ address: claim.address.toLowerCase(), kind: claim.kind })
    .onConflict((oc) => oc.columns(['address', 'kind']).doNothing())
    .execute();
}
