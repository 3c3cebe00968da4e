import { type Kysely, sql } from 'kysely';
import type { Database, Visitor } from '../db/schema';
import { continuityDb } from '../email/continuity/tables';
import { hashToken } from '../services/secrets';

/**
 * Visitor tokens scoped to one conversation (migration 0510, `conversation_link_tokens`): what a
 * "continue the chat" link from an email is exchanged for on a browser that never had the visitor's own
 * token. Such a visitor opens that conversation only, never the visitor's others; a new conversation it
 * starts (after that one was resolved) becomes its one conversation.
 */
const scopes = new WeakMap<Visitor, string>();

/** The one conversation this visitor (as found by its token) may open; null for a visitor's own token. */
export const conversationScope = (visitor: Visitor): string | null => scopes.get(visitor) ?? null;

/** Whether the token's visitor may open this conversation (its own, and the scope's when scoped). */
export const mayOpen = (visitor: Visitor, conversation: { id: string; visitor_id: string }) =>
  conversation.visitor_id === visitor.id && (conversationScope(visitor) ?? conversation.id) === conversation.id;

/** The visitor behind an unexpired scoped token, marked with its scope. */
export async function findScopedVisitor(db: Kysely<Database>, token: string): Promise<Visitor | undefined> {
  const row = await continuityDb(db)
    .selectFrom('conversation_link_tokens as t')
    .innerJoin('visitors', 'visitors.id', 't.visitor_id')
    .selectAll('visitors')
    .select('t.conversation_id as scope_conversation_id')
    .where('t.token_hash', '=', hashToken(token))
    .where('t.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!row) return undefined;
  const { scope_conversation_id: scope, ...visitor } = row;
  scopes.set(visitor as Visitor, scope);
  return visitor as Visitor;
}

/** A scoped visitor started a new conversation (after the linked one was resolved): the token follows it. */
export async function moveScope(db: Kysely<Database>, visitor: Visitor, token: string, conversationId: string) {
  await continuityDb(db)
    .updateTable('conversation_link_tokens')
    .set({ conversation_id: conversationId })
    .where('token_hash', '=', hashToken(token))
    .execute();
  scopes.set(visitor, conversationId);
}
