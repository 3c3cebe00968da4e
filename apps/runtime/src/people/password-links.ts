import { randomBytes } from 'node:crypto';
import type { LinkProblem } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { checkSignedClaim, namedSecret, signClaim } from '../email/signing';
import { hashToken } from '../services/secrets';
import { type PasswordLinkKind, peopleDb } from './tables';

/** How long an emailed link works. */
export const LINK_TTL_MS: Record<PasswordLinkKind, number> = { invite: 72 * 3_600_000, reset: 3_600_000 };

/** What a link's token carries: its kind, a random nonce and its expiry (seconds); signed with HMAC. */
const Claim = z.object({ k: z.enum(['invite', 'reset']), n: z.string().min(16).max(64), exp: z.number().int() });
type Claim = z.infer<typeof Claim>;

export const signLinkToken = (secret: string, claim: Claim): string => signClaim(secret, claim);

type Verified = { ok: true; claim: Claim } | { ok: false; problem: LinkProblem };

/** The signature first (a changed token is `link_invalid` whatever it says), then the expiry. */
export function verifyLinkToken(secret: string, token: string, now: Date): Verified {
  const check = checkSignedClaim(Claim, secret, token, now);
  return check.ok ? check : { ok: false, problem: check.reason === 'invalid' ? 'link_invalid' : 'link_expired' };
}

/**
 * Creates a link token for an invite or a user and stores its hash; the older unused links of the same
 * invite or user are deleted (only the newest email works). Call inside the transaction that queues the email.
 */
export async function issueLink(
  trx: Kysely<Database>,
  target: { kind: 'invite'; inviteId: string } | { kind: 'reset'; userId: string },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS[target.kind]);
  const token = signLinkToken(await namedSecret(trx, 'password_link'), {
    k: target.kind,
    n: randomBytes(18).toString('base64url'),
    exp: Math.floor(expiresAt.getTime() / 1000),
  });
  const links = peopleDb(trx);
  let older = links.deleteFrom('password_links').where('used_at', 'is', null);
  older =
    target.kind === 'invite'
      ? older.where('invite_id', '=', target.inviteId)
      : older.where('user_id', '=', target.userId).where('kind', '=', 'reset');
  await older.execute();
  // Links that ran out a week ago have nothing left to say.
  await links
    .deleteFrom('password_links')
    .where('expires_at', '<', new Date(now.getTime() - 7 * 86_400_000))
    .execute();
  await links
    .insertInto('password_links')
    .values({
      token_hash: hashToken(token),
      kind: target.kind,
      invite_id: target.kind === 'invite' ? target.inviteId : null,
      user_id: target.kind === 'reset' ? target.userId : null,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

export type LinkRow = { kind: PasswordLinkKind; inviteId: string | null; userId: string | null; expiresAt: Date };
export type LinkLookup = { ok: true; link: LinkRow; tokenHash: string } | { ok: false; problem: LinkProblem };

/**
 * The stored link of a genuine token of `kind`; `lock` takes its row lock (inside the transaction that uses it,
 * so two clicks cannot both use it).
 */
export async function findLink(
  db: Kysely<Database>,
  token: string,
  kind: PasswordLinkKind,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<LinkLookup> {
  const verified = verifyLinkToken(await namedSecret(db, 'password_link'), token, now);
  if (!verified.ok) return verified;
  if (verified.claim.k !== kind) return { ok: false, problem: 'link_invalid' };
  const tokenHash = hashToken(token);
  let query = peopleDb(db).selectFrom('password_links').selectAll().where('token_hash', '=', tokenHash);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || (row.kind === 'invite' && !row.invite_id && !row.used_at)) return { ok: false, problem: 'link_revoked' };
  if (row.used_at) return { ok: false, problem: 'link_used' };
  if (row.expires_at.getTime() <= now.getTime()) return { ok: false, problem: 'link_expired' };
  return {
    ok: true,
    tokenHash,
    link: { kind: row.kind, inviteId: row.invite_id, userId: row.user_id, expiresAt: row.expires_at },
  };
}

/** Marks the link used (in the transaction that set the password); `userId`: the user an invite became. */
export async function useLink(trx: Kysely<Database>, tokenHash: string, now: Date, userId?: string) {
  await peopleDb(trx)
    .updateTable('password_links')
    .set({ used_at: now, ...(userId ? { user_id: userId } : {}) })
    .where('token_hash', '=', tokenHash)
    .execute();
}
