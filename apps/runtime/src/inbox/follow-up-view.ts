import { type FollowUp, FollowUpReason, HandoffSummary } from '@flowdesk/contract';

interface FollowUpColumns {
  status: string;
  follow_up_since: Date | null;
  follow_up_reason: string | null;
  reply_due_at: Date | null;
}

/** "Waiting for follow-up" as the inbox shows it: only while the conversation still waits in the queue. */
export function followUpView(row: FollowUpColumns): FollowUp | null {
  const reason = FollowUpReason.safeParse(row.follow_up_reason);
  if (row.status !== 'needs_agent' || !row.follow_up_since || !reason.success) return null;
  return {
    reason: reason.data,
    since: row.follow_up_since.toISOString(),
    replyDueAt: row.reply_due_at?.toISOString() ?? null,
  };
}

/** The structured summary as stored, or null (none yet, or written by an older version). */
export function summaryView(data: unknown): HandoffSummary | null {
  const parsed = HandoffSummary.safeParse(data);
  return parsed.success ? parsed.data : null;
}
