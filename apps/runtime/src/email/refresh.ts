import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { behindReplyEmail, prepareVisitorReply, VISITOR_REPLY } from './continuity/visitor-reply';
import type { OutboxRow } from './tables';
import { type EmailKind, type RenderedEmail, renderEmail, type TemplateProps } from './templates';

/** How long after a handoff its alerts wait for the AI summary (written after the commit) before going without it. */
export const SUMMARY_WAIT_MS = 10_000;
/** How often a waiting email looks again. */
const RECHECK_MS = 1000;

export type BeforeSend =
  /** Send the row as stored (not a conversation email, or it cannot be rendered again). */
  | { action: 'send' }
  /** Send this instead: rendered again with the conversation's current summary and priority. */
  | { action: 'send'; email: RenderedEmail }
  /** The summary is still being written: try again at `until`. */
  | { action: 'wait'; until: Date }
  /** Not to be sent at all (a reply email whose visitor read the replies live): the row ends `cancelled`. */
  | { action: 'cancel'; reason: string };

/**
 * Conversation emails (handoff alerts) are stored in the handoff transaction, before the AI summary and
 * priority exist. Just before sending, they are rendered again from the conversation as it is now; while
 * a conversation handed off less than `SUMMARY_WAIT_MS` ago has no summary yet, they wait for it. The outbox row, and so its idempotency key, stays the same.
 */
export async function beforeSend(
  db: Kysely<Database>,
  row: OutboxRow,
  now: Date,
  options: { visitorStaleMs: number } = { visitorStaleMs: 90_000 },
): Promise<BeforeSend> {
  if (row.kind === VISITOR_REPLY) return prepareVisitorReply(db, row, options.visitorStaleMs);
  // "How did we do?" never arrives before the answer it asks about (reply emails wait a grace period).
  if (row.kind === 'csat_request') return (await behindReplyEmail(db, row, now)) ?? { action: 'send' };
  if (!row.render || !row.conversation_id) return { action: 'send' };
  const conversation = await db
    .selectFrom('conversations')
    .select(['status', 'summary', 'priority', 'priority_reason', 'handed_off_at'])
    .where('id', '=', row.conversation_id)
    .executeTakeFirst();
  if (!conversation) return { action: 'send' };
  // A handoff clears the summary; it is being written while the handoff is recent and people hold it.
  const deadline = (conversation.handed_off_at?.getTime() ?? 0) + SUMMARY_WAIT_MS;
  const withPeople = conversation.status === 'needs_agent' || conversation.status === 'agent';
  if (conversation.summary === null && withPeople && now.getTime() < deadline) {
    return { action: 'wait', until: new Date(Math.min(deadline, now.getTime() + RECHECK_MS)) };
  }
  const kind = row.kind as EmailKind;
  const props = {
    ...row.render.props,
    summary: conversation.summary,
    priority: conversation.priority,
    priorityReason: conversation.priority_reason,
  } as unknown as TemplateProps[typeof kind];
  try {
    return { action: 'send', email: await renderEmail(kind, props, row.render.unsubscribeUrl) };
  } catch {
    // Props stored by an older version that the template no longer takes: the stored email still goes.
    return { action: 'send' };
  }
}
