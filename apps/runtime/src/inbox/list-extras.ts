import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { inboxDb } from './tables';

/** A one-line preview of a message for the list. */
export function previewText(type: string, payload: Record<string, unknown>): string {
  const text = payload.text ?? payload.prompt ?? payload.label ?? payload.caption ?? payload.name;
  if (typeof text === 'string' && text.length > 0) return text.slice(0, 200);
  if (type === 'form_reply')
    return Object.values(payload.values as Record<string, string>)
      .join(', ')
      .slice(0, 200);
  return `[${type}]`;
}

/**
 * The message each row previews: the newest one a person wrote (the visitor or an agent), else the bot's newest.
 * A conversation waiting for a person ends with the bot's "Connecting you with our support team", so every waiting
 * row read the same line; the visitor's own last words say what they need.
 */
export async function lastMessages(db: Kysely<Database>, ids: string[]) {
  const map = new Map<string, { author: string; authorName: string | null; text: string; createdAt: string }>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('messages')
    .distinctOn('conversation_id')
    .select(['conversation_id', 'author_kind', 'author_name', 'type', 'payload', 'created_at'])
    .where('conversation_id', 'in', ids)
    .where('internal', '=', false)
    .where('type', '!=', 'event')
    .orderBy('conversation_id')
    .orderBy(sql`author_kind = 'bot'`)
    .orderBy('seq', 'desc')
    .execute();
  for (const row of rows) {
    map.set(row.conversation_id, {
      author: row.author_kind,
      authorName: row.author_name,
      text: previewText(row.type, row.payload),
      createdAt: row.created_at.toISOString(),
    });
  }
  return map;
}

/** Visitor messages the user has not read yet, per conversation. */
export async function unreadCounts(db: Kysely<Database>, userId: string, ids: string[]) {
  const map = new Map<string, number>();
  if (ids.length === 0) return map;
  const rows = await inboxDb(db)
    .selectFrom('messages')
    .leftJoin('conversation_reads', (join) =>
      join
        .onRef('conversation_reads.conversation_id', '=', 'messages.conversation_id')
        .on('conversation_reads.user_id', '=', userId),
    )
    .select((eb) => ['messages.conversation_id', eb.fn.countAll<string>().as('unread')])
    .where('messages.conversation_id', 'in', ids)
    .where('messages.author_kind', '=', 'visitor')
    .where((eb) => eb('messages.seq', '>', eb.fn.coalesce('conversation_reads.last_read_seq', eb.val(0))))
    .groupBy('messages.conversation_id')
    .execute();
  for (const row of rows) map.set(row.conversation_id, Number(row.unread));
  return map;
}

/** Marks everything up to `seq` read by the user (never moves backwards). */
export async function markRead(db: Kysely<Database>, conversationId: string, userId: string, seq: number) {
  await inboxDb(db)
    .insertInto('conversation_reads')
    .values({ conversation_id: conversationId, user_id: userId, last_read_seq: seq })
    .onConflict((oc) =>
      oc.columns(['conversation_id', 'user_id']).doUpdateSet((eb) => ({
        last_read_seq: eb.fn('greatest', [
          eb.ref('conversation_reads.last_read_seq'),
          eb.ref('excluded.last_read_seq'),
        ]),
        read_at: new Date(),
      })),
    )
    .execute();
}
