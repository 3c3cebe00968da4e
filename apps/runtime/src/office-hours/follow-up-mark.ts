import type { FollowUpReason } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { FollowUpMark } from '../services/follow-up';
import { nextOpening } from './office-hours';
import { FEW_HOURS_LIMIT_MS, FEW_MINUTES_LIMIT_MS, type ReplyTimeBucket } from './reply-time';
import { replyTimeWords } from './reply-time-query';
import type { Schedule } from './schedule';
import { effectiveOfficeHours } from './settings';

/** The longest wait each reply-time bucket promises. */
const BUCKET_MS: Record<ReplyTimeBucket, number> = {
  'a few minutes': FEW_MINUTES_LIMIT_MS,
  'a few hours': FEW_HOURS_LIMIT_MS,
  'within a day': 24 * 3_600_000,
};

/**
 * The reply promised to a visitor nobody could take now: the reply time the widget shows, counted from
 * when the office opens again (from now when it is open or has no hours). Null when it never opens.
 */
export function promisedReplyBy(schedule: Schedule | null, bucket: ReplyTimeBucket, now: Date): Date | null {
  const from = schedule ? nextOpening(schedule, now) : now;
  return from ? new Date(from.getTime() + BUCKET_MS[bucket]) : null;
}

/** The follow-up mark for a conversation of `scope` that nobody can take now, for `reason`. */
export async function followUpMark(
  db: Kysely<Database>,
  scope: { workspaceId: string; teamId: string | null; now: Date },
  reason: FollowUpReason,
): Promise<FollowUpMark> {
  const settings = await effectiveOfficeHours(db, scope.workspaceId, scope.teamId);
  const bucket = await replyTimeWords(db, scope);
  return { reason, replyDueAt: promisedReplyBy(settings.schedule, bucket, scope.now) };
}
