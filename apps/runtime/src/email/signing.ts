import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { emailDb } from './tables';

/** A signing secret by name, created once per database so every instance signs and checks alike. */
export async function namedSecret(
  db: Kysely<Database>,
  name: 'reply_address' | 'continue_link' | 'unsubscribe' | 'password_link' | 'csat_link',
): Promise<string> {
  const mail = emailDb(db);
  await mail
    .insertInto('email_secrets')
    .values({ name, secret: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await mail
    .selectFrom('email_secrets')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.secret;
}

export const hmac = (secret: string, body: string, encoding: 'hex' | 'base64url') =>
  createHmac('sha256', secret).update(body).digest(encoding);

/** Constant-time comparison of two MACs as strings. */
export function sameMac(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
