import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Conversation, Database } from '../db/schema';

export interface LockedConversation {
  conversation: Conversation;
  botName: string;
  clientIdStored: boolean | null;
  effectStored: boolean;
}

interface LockRow {
  bot_name: string;
  client_id_stored: unknown;
  seen_seq: unknown;
  effect_stored: unknown;
}

function toLocked(row: LockRow & Record<string, unknown>, clientId: string | undefined): LockedConversation {
  const {
    bot_name: botName,
    client_id_stored: stored,
    seen_seq: seenSeq,
    effect_stored: effectStored,
    ...conversation
  } = row;
  const current = clientId === undefined || Number(seenSeq ?? 0) === (conversation as Conversation).last_seq;
  return {
    conversation: conversation as unknown as Conversation,
    botName,
    clientIdStored: current ? Boolean(stored) : null,
    // Effects of a conversation are removed only under its lock, so this answer cannot go stale.
    effectStored: Boolean(effectStored),
  };
}

/**
 * Locks the row until the transaction ends; every write to a conversation goes through this. The bot's
 * current name comes with it (bot replies carry it), and with `clientId` whether a message with that
 * clientId is stored already: both save a query. `clientIdStored` is null when that answer may be stale:
 * a lock that waited for another transaction returns the row as that one left it, but the subqueries
 * still see the database as it was when the statement began (READ COMMITTED); the other transaction
 * then moved last_seq past the newest message this statement saw. The caller must look again.
 */
export async function lockConversation(
  trx: Kysely<Database>,
  id: string,
  options: { clientId?: string; effectId?: string } = {},
) {
  const { clientId, effectId } = options;
  const messages = (eb: ExpressionBuilder<Database, 'conversations' | 'bots'>) =>
    eb.selectFrom('messages').where('messages.conversation_id', '=', id);
  const row = await trx
    .selectFrom('conversations')
    .innerJoin('bots', 'bots.id', 'conversations.bot_id')
    .selectAll('conversations')
    .select('bots.name as bot_name')
    .select((eb) =>
      (clientId === undefined
        ? eb.val(false)
        : eb.exists(messages(eb).select('messages.id').where('messages.client_id', '=', clientId))
      ).as('client_id_stored'),
    )
    .select((eb) =>
      (clientId === undefined ? eb.val(0) : messages(eb).select((m) => m.fn.max('messages.seq').as('seq'))).as(
        'seen_seq',
      ),
    )
    .select((eb) =>
      (effectId === undefined
        ? eb.val(false)
        : eb.exists(
            eb.selectFrom('pending_effects').select('pending_effects.id').where('pending_effects.id', '=', effectId),
          )
      ).as('effect_stored'),
    )
    .where('conversations.id', '=', id)
    .forUpdate('conversations')
    .executeTakeFirst();
  return row ? toLocked(row, clientId) : undefined;
}

export interface LockRequest {
  id: string;
  clientId?: string;
  effectId?: string;
}

/**
 * `lockConversation` for several conversations in one statement (a group commit's rows), locked in id
 * order (the sort sits below the row locks, so every group locks in the same order and two never wait
 * for each other in a cycle). One request per conversation; answers by request index.
 */
export async function lockConversations(
  trx: Kysely<Database>,
  requests: LockRequest[],
): Promise<Map<number, LockedConversation>> {
  if (requests.length === 0) return new Map();
  const wanted = sql.join(
    requests.map(
      (request, index) =>
        sql`(${index}::int, ${request.id}::text, ${request.clientId ?? null}::text, ${request.effectId ?? null}::text)`,
    ),
  );
  const { rows } = await sql<LockRow & Record<string, unknown> & { lock_index: number }>`
    select c.*, b.name as bot_name, w.lock_index,
      w.client_id is not null
        and exists (select 1 from messages m where m.conversation_id = c.id and m.client_id = w.client_id)
        as client_id_stored,
      (select max(m.seq) from messages m where m.conversation_id = c.id) as seen_seq,
      w.effect_id is not null and exists (select 1 from pending_effects p where p.id = w.effect_id) as effect_stored
    from (values ${wanted}) as w(lock_index, id, client_id, effect_id)
    join conversations c on c.id = w.id
    join bots b on b.id = c.bot_id
    order by c.id
    for update of c`.execute(trx);
  return new Map(rows.map(({ lock_index: index, ...row }) => [index, toLocked(row, requests[index]!.clientId)]));
}
