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

export interface AppendOptions {
  /** Store nothing when a message's clientId is already stored (one message per call; `stored` is then empty). */
  skipKnownClientId?: boolean;
}

/**
 * Appends messages with the next sequence numbers. Call inside a transaction that holds the
 * conversation row lock (`lockConversation`), passing its current last_seq; returns the new last_seq,
 * which the caller must store in `conversations.last_seq` before commit (`withConversation` does, once).
 */
export async function appendMessages(
  trx: Kysely<Database>,
  conversationId: string,
  lastSeq: number,
  inputs: NewMessageInput[],
  options: AppendOptions = {},
): Promise<{ stored: StoredMessage[]; lastSeq: number }> {
  if (inputs.length === 0) return { stored: [], lastSeq };
  const now = new Date();
  const rows = inputs.map((input, index) => {
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
  if (options.skipKnownClientId && inputs.length !== 1) throw new Error('skipKnownClientId takes one message');
  const inserted = await trx
    .insertInto('messages')
    .values(rows)
    .$if(options.skipKnownClientId === true, (query) =>
      query.onConflict((conflict) => conflict.columns(['conversation_id', 'client_id']).doNothing()),
    )
    .returningAll()
    .execute();
  const newLastSeq = lastSeq + inserted.length;
  const authorIds = [...new Set(inserted.map((row) => row.author_id).filter((id): id is string => id !== null))];
  const avatars = authorIds.length
    ? new Map(
        (await trx.selectFrom('users').select(['id', 'avatar_url']).where('id', 'in', authorIds).execute()).map(
          (user) => [user.id, user.avatar_url],
        ),
      )
    : new Map<string, string | null>();
  const stored = inserted
    .sort((a, b) => a.seq - b.seq)
    .map((row) =>
      toMessage({ ...row, author_avatar_url: row.author_id ? (avatars.get(row.author_id) ?? null) : null }),
    );
  return { stored, lastSeq: newLastSeq };
}
