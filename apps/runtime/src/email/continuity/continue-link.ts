import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { hashToken, newToken } from '../../services/secrets';
import { type ClaimCheck, checkSignedClaim, namedSecret, signClaim } from '../signing';
import { continuityDb } from './tables';

/** What a "continue the chat" link in an email carries: one conversation of one visitor, until `exp`. */
const LinkClaim = z.object({ c: z.uuid(), v: z.string().min(1).max(100), exp: z.number().int() });
export type LinkClaim = z.infer<typeof LinkClaim>;

/** How long the visitor token a link is exchanged for works (each click gets a new one). */
export const SCOPED_TOKEN_DAYS = 30;
export const CONTINUE_PARAM = 'flowdesk_continue';

export const signContinueToken = (secret: string, claim: LinkClaim): string => signClaim(secret, claim);

export type LinkCheck = ClaimCheck<LinkClaim>;

export const verifyContinueToken = (secret: string, token: string, now: Date): LinkCheck =>
  checkSignedClaim(LinkClaim, secret, token, now);

/** The link an email carries: the configured page (default the runtime's /demo) with the signed token. */
export async function continueLink(
  db: Kysely<Database>,
  target: { pageUrl: string; conversationId: string; visitorId: string; botId: string },
  options: { now: Date; days: number },
): Promise<string> {
  const exp = Math.floor(options.now.getTime() / 1000) + options.days * 86_400;
  const token = signContinueToken(await namedSecret(db, 'continue_link'), {
    c: target.conversationId,
    v: target.visitorId,
    exp,
  });
  const url = new URL(target.pageUrl);
  if (url.pathname === '/demo') url.searchParams.set('bot', target.botId);
  url.searchParams.set(CONTINUE_PARAM, token);
  return url.toString();
}

/**
 * Exchanges a genuine, unexpired link for a new visitor token that opens only that conversation (the
 * browser it is clicked in may be any). Null when the link is not genuine or its conversation is gone.
 */
export async function exchangeContinueToken(
  db: Kysely<Database>,
  token: string,
  botId: string,
  now: Date,
): Promise<{ visitorToken: string; conversationId: string } | LinkCheck> {
  const check = verifyContinueToken(await namedSecret(db, 'continue_link'), token, now);
  if (!check.ok) return check;
  const conversation = await db
    .selectFrom('conversations')
    .select(['id', 'visitor_id', 'bot_id'])
    .where('id', '=', check.claim.c)
    .executeTakeFirst();
  if (!conversation || conversation.visitor_id !== check.claim.v || conversation.bot_id !== botId) {
    return { ok: false, reason: 'invalid' };
  }
  const visitorToken = newToken();
  await continuityDb(db)
    .insertInto('conversation_link_tokens')
    .values({
      token_hash: hashToken(visitorToken),
      visitor_id: conversation.visitor_id,
      conversation_id: conversation.id,
      expires_at: new Date(now.getTime() + SCOPED_TOKEN_DAYS * 86_400_000),
    })
    .execute();
  return { visitorToken, conversationId: conversation.id };
}
