import type { ReplyTimeBucket } from '@flowdesk/contract';

export { ReplyTimeBucket, ReplyTimeSetting } from '@flowdesk/contract';

const MINUTE = 60_000;
/** A median under this reads as "a few minutes". */
export const FEW_MINUTES_LIMIT_MS = 30 * MINUTE;
/** A median under this (and not minutes) reads as "a few hours"; anything longer is "within a day". */
export const FEW_HOURS_LIMIT_MS = 6 * 60 * MINUTE;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function bucketFor(durationMs: number): ReplyTimeBucket {
  if (durationMs < FEW_MINUTES_LIMIT_MS) return 'a few minutes';
  if (durationMs < FEW_HOURS_LIMIT_MS) return 'a few hours';
  return 'within a day';
}

/** The median first-response time rounded to a bucket; null without any sample. */
export function replyTimeBucket(durationsMs: readonly number[]): ReplyTimeBucket | null {
  const valid = durationsMs.filter((d) => Number.isFinite(d) && d >= 0);
  const mid = median(valid);
  return mid === null ? null : bucketFor(mid);
}
