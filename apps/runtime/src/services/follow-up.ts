import type { FollowUpReason } from '@flowdesk/contract';
import { snapshotStatus } from '@flowdesk/engine';
import type { Conversation, ConversationUpdate } from '../db/schema';

/**
 * The follow-up queue. A handoff that finds nobody (outside office hours, nobody online, no reply in
 * time, the widget's contact form) is still a handoff: status `needs_agent`, routed, summarized,
 * prioritized and alerted like a live one. "Waiting for follow-up" is a flag on it (follow_up_since,
 * follow_up_reason, reply_due_at), not a status of its own: Chatwoot likewise keeps such conversations
 * `open` (in the queue) and uses `pending` only for bot-held ones and `snoozed` for agent-chosen waits.
 * One difference from a live handoff: until a person replies, the bot may finish its offline branch
 * (ask for an email, say when the team will write) — see `botHolds`.
 */
export interface FollowUpMark {
  reason: FollowUpReason;
  /** The reply the visitor was promised by; null when no reply time applies. */
  replyDueAt: Date | null;
}

/** The columns of a follow-up mark (or of none: a live handoff clears an older mark). */
export function followUpColumns(mark: FollowUpMark | null | undefined, now = new Date()): ConversationUpdate {
  return {
    follow_up_since: mark ? now : null,
    follow_up_reason: mark?.reason ?? null,
    reply_due_at: mark?.replyDueAt ?? null,
  };
}

type BotHoldFields = Pick<
  Conversation,
  'status' | 'follow_up_since' | 'follow_up_reason' | 'first_response_at' | 'engine_snapshot'
>;

/**
 * Whether the bot runs the flow for visitor messages and effect results: it holds the conversation, or
 * the conversation waits for follow-up and the flow is on its offline branch (not waiting in the handoff
 * block, not ended) with no human reply yet. Once the flow ends, the visitor's messages go to the team.
 */
export function botHolds(conversation: BotHoldFields): boolean {
  if (conversation.status === 'bot') return true;
  if (conversation.status !== 'needs_agent' || !conversation.follow_up_since || conversation.first_response_at)
    return false;
  // The contact form was the visitor's last word to the team, not a step of the flow.
  if (conversation.follow_up_reason === 'contact_form') return false;
  const step = snapshotStatus(conversation.engine_snapshot);
  return step !== null && step !== 'handoff' && step !== 'ended' && step !== 'error';
}
