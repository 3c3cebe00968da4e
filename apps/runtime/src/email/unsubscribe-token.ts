import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { emailDb } from './tables';

/** What an unsubscribe link turns off: one kind of email (or `all`) for a user or a bare address. */
export const UnsubscribeClaim = z.object({
  address: z.string().min(3).max(320),
  userId: z.string().max(100).nullable(),
  kind: z.string().min(1).max(50),
});
export type UnsubscribeClaim = z.infer<typeof UnsubscribeClaim>;

const SECRET_NAME = 'unsubscribe';

/** The signing secret, created once per database so every instance signs and checks alike. */
export async function unsubscribeSecret(db: Kysely<Database>): Promise<string> {
  const mail = emailDb(db);
  await mail
    .insertInto('email_secrets')
    .values({ name: SECRET_NAME, secret: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await mail
    .selectFrom('email_secrets')
    .select('secret')
    .where('name', '=', SECRET_NAME)
    .executeTakeFirstOrThrow();
  return row.secret;
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  const body = Buffer.from(JSON.stringify(claim)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** The claim of a genuine token, or null for anything forged, truncated or malformed. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = UnsubscribeClaim.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
