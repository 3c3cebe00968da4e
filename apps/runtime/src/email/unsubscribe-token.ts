import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { namedSecret, readSignedClaim, signClaim } from './signing';

/** What an unsubscribe link turns off: one kind of email (or `all`) for a user or a bare address. */
export const UnsubscribeClaim = z.object({
  address: z.string().min(3).max(320),
  userId: z.string().max(100).nullable(),
  kind: z.string().min(1).max(50),
});
export type UnsubscribeClaim = z.infer<typeof UnsubscribeClaim>;

/** The signing secret, created once per database so every instance signs and checks alike. */
export const unsubscribeSecret = (db: Kysely<Database>): Promise<string> => namedSecret(db, 'unsubscribe');

export const signUnsubscribeToken = (secret: string, claim: UnsubscribeClaim): string => signClaim(secret, claim);

/** The claim of a genuine token, or null for anything forged, truncated or malformed. */
export const verifyUnsubscribeToken = (secret: string, token: string): UnsubscribeClaim | null =>
  readSignedClaim(UnsubscribeClaim, secret, token);
