import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { hmac, namedSecret, sameMac } from '../signing';

/**
 * A conversation's reply address: `reply+<conversation id>-<MAC>@<reply domain>` (the Chatwoot way).
 * Lower-case hex only, because mail systems may change the case of a local part; 80 bits of HMAC so an
 * address cannot be made up from a conversation id, and the whole local part stays within 64 characters.
 */
const MAC_HEX = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOCAL = /^reply\+([0-9a-f]{32})-([0-9a-f]{20})$/;

const compact = (id: string) => id.replace(/-/g, '');
const expand = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export function replyAddressFor(secret: string, conversationId: string, domain: string): string {
  if (!UUID.test(conversationId)) throw new Error('conversation ids are UUIDs');
  const id = compact(conversationId);
  return `reply+${id}-${hmac(secret, id, 'hex').slice(0, MAC_HEX)}@${domain.toLowerCase()}`;
}

export async function conversationReplyAddress(db: Kysely<Database>, conversationId: string, domain: string) {
  return replyAddressFor(await namedSecret(db, 'reply_address'), conversationId, domain);
}

/** `Name <local@domain>` or `local@domain` → the bare address, lower-cased. */
export function bareAddress(value: string): string {
  const match = /<([^<>\s]+)>\s*$/.exec(value);
  return (match?.[1] ?? value).trim().toLowerCase();
}

/**
 * The name in a From header (`"Vera Visitor" <vera@example.test>`, `Vera Visitor <vera@…>`); null when there is
 * none or it is only an address again, as some mail clients write it.
 */
export function displayName(value: string): string | null {
  const match = /^\s*"?([^"<>]*?)"?\s*<[^<>\s]+>\s*$/.exec(value);
  const name = match?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
  return name && !name.includes('@') ? name : null;
}

/**
 * The conversation a genuine reply address belongs to; null for any other address (another domain, a
 * made-up or altered token).
 */
export function conversationOfReplyAddress(secret: string, address: string, domain: string): string | null {
  const bare = bareAddress(address);
  const at = bare.lastIndexOf('@');
  if (at < 0 || bare.slice(at + 1) !== domain.toLowerCase()) return null;
  const match = LOCAL.exec(bare.slice(0, at));
  if (!match?.[1] || !match[2]) return null;
  const expected = hmac(secret, match[1], 'hex').slice(0, MAC_HEX);
  return sameMac(expected, match[2]) ? expand(match[1]) : null;
}
