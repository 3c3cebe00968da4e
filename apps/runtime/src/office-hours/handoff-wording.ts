import type { ReplyTimeBucket } from './reply-time';

/** "We usually reply in a few minutes." / "We usually reply within a day." */
export const replyTimeSentence = (bucket: ReplyTimeBucket) =>
  `We usually reply ${bucket === 'within a day' ? bucket : `in ${bucket}`}.`;

/**
 * Sentences that promise a wait of their own ("Someone will reply shortly.", "in a moment", "within the
 * hour"): beside the measured reply time they would contradict it.
 */
const TIME_PROMISE =
  /\b(shortly|soon|in a (moment|minute|sec(ond)?|few (seconds|minutes|hours|days))|right away|straight away|immediately|any (minute|moment)|(with)?in (a|an|one|the) (minute|hour|day)|(with)?in \d+ (seconds?|minutes?|hours?|days?)|asap)\b/i;

const sentences = (text: string) => text.match(/[^.!?]+[.!?]*\s*/g) ?? [];

/**
 * The admin's confirmation with the expected reply time: the reply time replaces the admin's own
 * promise of a wait when there is one (and follows the rest), so the message never says two things.
 */
export function confirmationWithReplyTime(confirmation: string, bucket: ReplyTimeBucket): string {
  const kept = sentences(confirmation)
    .filter((s) => !TIME_PROMISE.test(s))
    .join('')
    .trim();
  if (!kept) return replyTimeSentence(bucket);
  return `${/[.!?…]$/.test(kept) ? kept : `${kept}.`} ${replyTimeSentence(bucket)}`;
}

/** "New York time" for America/New_York; UTC as it is. Names the zone the opening hours are in. */
export function zoneName(timeZone: string): string {
  if (/^(Etc\/)?(UTC|GMT|Zulu|Universal)$/i.test(timeZone)) return 'UTC';
  const city = timeZone.split('/').at(-1) ?? timeZone;
  return `${city.replace(/_/g, ' ')} time`;
}
