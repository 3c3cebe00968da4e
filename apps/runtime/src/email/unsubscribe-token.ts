import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { hmac, namedSecret, sameMac } from './signing';

/** What an unsubscribe link turns off: one kind of email (or `all`) for a user or a bare address. */
export const UnsubscribeClaim = z.object({
  address: z.string().min(3).max(320),
  userId: z.string().max(100).nullable(),
  kind: z.string().min(1).max(50),
});
export type UnsubscribeClaim = z.infer<typeof UnsubscribeClaim>;

/** The signing secret, created once per database so every instance signs and checks alike. */
export const unsubscribeSecret = (db: Kysely<Database>): Promise<string> => namedSecret(db, 'unsubscribe');

const sign = (secret: string, body: string) => hmac(secret, body, 'base64url');

export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const body = Buffer.from(JSON.stringify(claim)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The claim of a genuine token, or null for anything forged, truncated or malformed. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  if (!sameMac(sign(secret, body), mac)) return null;
  try {
    const parsed = UnsubscribeClaim.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
