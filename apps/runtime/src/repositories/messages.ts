import type { Message, MessageContent } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { AuthorKindColumn, Database, MessageRow } from '../db/schema';
import { newId } from '../services/secrets';

export interface StoredMessage {
  message: Message;
  internal: boolean;
}

type Row = MessageRow & { author_avatar_url: string | null };

export function toMessage(row: Row): StoredMessage {
  return {
    message: {
      id: row.id,
      conversationId: row.conversation_id,
      seq: row.seq,
      author: row.author_kind,
      authorName: row.author_name,
      authorAvatarUrl: row.author_avatar_url,
      clientId: row.client_id,
      content: { type: row.type, ...row.payload } as MessageContent,
      createdAt: row.created_at.toISOString(),
    },
    internal: row.internal,
  };
}

const messageSelect = (db: Kysely<Database>) =>
  db
    .selectFrom('messages')
    .leftJoin('users', 'users.id', 'messages.author_id')
    .selectAll('messages')
    .select('users.avatar_url as author_avatar_url');

/** Messages with seq > afterSeq, oldest first. Visitors never get internal notes. */
export async function loadMessages(
  db: Kysely<Database>,
  conversationId: string,
  options: { afterSeq?: number; beforeSeq?: number; limit?: number; includeInternal: boolean },
): Promise<StoredMessage[]> {
  let query = messageSelect(db)
    .where('messages.conversation_id', '=', conversationId)
    .where('messages.seq', '>', options.afterSeq ?? 0);
  if (options.beforeSeq !== undefined) query = query.where('messages.seq', '<', options.beforeSeq);
  if (!options.includeInternal) query = query.where('messages.internal', '=', false);
  const rows = await query
    .orderBy('messages.seq')
    .limit(options.limit ?? 500)
    .execute();
  return rows.map(toMessage);
}

export function findMessageByClientId(db: Kysely<Database>, conversationId: string, clientId: string) {
  return messageSelect(db)
    .where('messages.conversation_id', '=', conversationId)
    .where('messages.client_id', '=', clientId)
    .executeTakeFirst();
}

export interface NewMessageInput {
  author: AuthorKindColumn;
  authorId?: string | null;
  authorName?: string | null;
  content: MessageContent;
  clientId?: string | null;
  internal?: boolean;
}

export type NewMessageRow = Omit<MessageRow, 'payload'> & { payload: string };

/**
 * Rows for messages with the next sequence numbers after `lastSeq` (not stored yet). Only inside a
 * transaction holding the conversation's row lock (`lockConversation`), which then stores the new last_seq.
 */
export function newMessageRows(conversationId: string, lastSeq: number, inputs: NewMessageInput[]): NewMessageRow[] {
  const now = new Date();
  return inputs.map((input, index) => {
    const { type, ...payload } = input.content;
    return {
      id: newId(),
      conversation_id: conversationId,
      seq: lastSeq + index + 1,
      author_kind: input.author,
      author_id: input.authorId ?? null,
      author_name: input.authorName ?? null,
      type,
      payload: JSON.stringify(payload),
      client_id: input.clientId ?? null,
      internal: input.internal ?? false,
      created_at: now,
    };
  });
}

/** What `insertMessageRows` will return for a row without an author id (no avatar to look up). */
export function storedFromRow(row: NewMessageRow): StoredMessage {
  if (row.author_id) throw new Error('messages with an author id need their avatar read');
  return toMessage({ ...row, payload: JSON.parse(row.payload) as MessageRow['payload'], author_avatar_url: null });
}

/** Inserts rows in one statement; returns them as messages, in seq order, with the authors' avatars. */
export async function insertMessageRows(trx: Kysely<Database>, rows: NewMessageRow[]): Promise<StoredMessage[]> {
  if (rows.length === 0) return [];
  const inserted = await trx.insertInto('messages').values(rows).returningAll().execute();
  const authorIds = [...new Set(inserted.map((row) => row.author_id).filter((id): id is string => id !== null))];
  const avatars = authorIds.length
    ? new Map(
        (await trx.selectFrom('users').select(['id', 'avatar_url']).where('id', 'in', authorIds).execute()).map(
          (user) => [user.id, user.avatar_url],
        ),
      )
    : new Map<string, string | null>();
  return inserted
    .sort((a, b) => a.seq - b.seq)
    .map((row) =>
      toMessage({ ...row, author_avatar_url: row.author_id ? (avatars.get(row.author_id) ?? null) : null }),
    );
}
