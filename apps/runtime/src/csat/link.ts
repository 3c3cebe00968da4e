import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { expiredAt, namedSecret, readSignedClaim, signClaim } from '../email/signing';

/** What a rating link in an email carries: one survey of one conversation, one score, until `exp`. */
const RatingClaim = z.object({
  s: z.uuid(),
  c: z.string().min(1).max(100),
  n: z.number().int().min(1).max(5),
  exp: z.number().int(),
});
export type RatingClaim = z.infer<typeof RatingClaim>;

/** How long a rating email's links work. */
export const RATING_LINK_DAYS = 30;
export const CSAT_PAGE_PATH = '/api/email/csat';

const secretOf = (db: Kysely<Database>) => namedSecret(db, 'csat_link');

export const signRatingToken = (secret: string, claim: RatingClaim): string => signClaim(secret, claim);

/** The claim of a genuine, unexpired token; null for anything forged, truncated, malformed or expired. */
export function verifyRatingToken(secret: string, token: string, now: Date): RatingClaim | null {
  const claim = readSignedClaim(RatingClaim, secret, token);
  return claim && !expiredAt(claim, now) ? claim : null;
}

export async function readRatingToken(db: Kysely<Database>, token: string, now = new Date()) {
  return verifyRatingToken(await secretOf(db), token, now);
}

/** One link per score, to the rating page of the runtime. */
export async function ratingLinks(
  db: Kysely<Database>,
  publicUrl: string,
  survey: { id: string; conversationId: string },
  scores: number[],
  now: Date,
): Promise<Array<{ score: number; url: string }>> {
  const secret = await secretOf(db);
  const exp = Math.floor(now.getTime() / 1000) + RATING_LINK_DAYS * 86_400;
  return scores.map((score) => {
    const token = signRatingToken(secret, { s: survey.id, c: survey.conversationId, n: score, exp });
    return { score, url: `${publicUrl.replace(/\/+$/, '')}${CSAT_PAGE_PATH}?token=${token}` };
  });
}
