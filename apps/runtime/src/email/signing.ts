import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
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

/** A link token: the claim's JSON in base64url, a dot, its HMAC with `secret`. */
export function signClaim(secret: string, claim: object): string {
  const body = Buffer.from(JSON.stringify(claim)).toString('base64url');
  return `${body}.${hmac(secret, body, 'base64url')}`;
}

/**
 * The claim of a token `signClaim` made with `secret` that `schema` accepts; null for anything forged,
 * truncated or malformed. The body is read only once its signature holds.
 */
export function readSignedClaim<S extends z.ZodType>(schema: S, secret: string, token: string): z.output<S> | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined || !sameMac(hmac(secret, body, 'base64url'), mac)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether a claim's `exp` (seconds since the epoch) has come. */
export const expiredAt = (claim: { exp: number }, now: Date) => claim.exp * 1000 <= now.getTime();

/** A signed claim `readSignedClaim` accepts whose `exp` has not come, or why not. */
export type ClaimCheck<C> = { ok: true; claim: C } | { ok: false; reason: 'invalid' | 'expired' };

export function checkSignedClaim<S extends z.ZodType<{ exp: number }>>(
  schema: S,
  secret: string,
  token: string,
  now: Date,
): ClaimCheck<z.output<S>> {
  const claim = readSignedClaim(schema, secret, token);
  if (!claim) return { ok: false, reason: 'invalid' };
  if (expiredAt(claim, now)) return { ok: false, reason: 'expired' };
  return { ok: true, claim };
}
