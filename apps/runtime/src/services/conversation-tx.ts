import type { Kysely } from 'kysely';
import type { Conversation, ConversationUpdate, Database } from '../db/schema';
import { notFound } from '../http/errors';
import type { HubEvent } from '../realtime/events';
import { lockConversation, toConversationEvent, updateConversation } from '../repositories/conversations';
import {
  insertMessageRows,
  type NewMessageInput,
  newMessageRows,
  type StoredMessage,
  storedFromRow,
} from '../repositories/messages';
import { insertPendingEffects, type NewPendingEffect } from '../repositories/pending-effects';
import type { Services } from '.';

/** One locked conversation inside a transaction. Changes are published to realtime after commit. */
export interface ConversationTx {
  trx: Kysely<Database>;
  /** The row as it is now (kept current by append/update). */
  readonly conversation: Conversation;
  /** The bot's name as of the lock, for the bot's messages. */
  readonly botName: string;
  /**
   * Whether a message with `options.clientId` of `withConversation` was stored before this transaction;
   * null when the lock waited for a concurrent writer and the answer must be looked up again.
   */
  readonly clientIdStored: boolean | null;
  /** Whether the pending effect `options.effectId` of `withConversation` is recorded (false without one). */
  readonly effectStored: boolean;
  /**
   * Stores messages with the next seqs. With `defer`, messages without an author id are written with
   * the next append or before commit (one INSERT for a visitor message and the bot's replies): only
   * for messages nothing reads back from the table in between.
   */
  append(inputs: NewMessageInput[], options?: { defer?: boolean }): Promise<StoredMessage[]>;
  update(patch: ConversationUpdate): Promise<Conversation>;
  /**
   * Records a pending effect (re-recording an id renews it) and removes others, written with the next
   * update or before commit. Effects of a conversation are written only under its lock.
   */
  armEffect(effect: NewPendingEffect): void;
  removeEffect(id: string): void;
  /** Writes deferred messages and effects now (before reading those tables back). */
  flush(): Promise<void>;
  /** Runs after a successful commit (publish extra events, start slow work). */
  afterCommit(task: () => Promise<void> | void): void;
}

/**
 * Locks conversation `id`, runs `work`, commits, then publishes every stored message in seq order and
 * the conversation's new state. Every writer (visitor, bot, agent, inbox actions) goes through this.
 */
export async function withConversation<T>(
  services: Services,
  id: string,
  work: (tx: ConversationTx) => Promise<T>,
  options: { clientId?: string; effectId?: string } = {},
): Promise<T> {
  const appended: StoredMessage[] = [];
  const tasks: Array<() => Promise<void> | void> = [];
  let changed = false;
  let final: Conversation | undefined;
  const result = await services.db.transaction().execute(async (trx) => {
    const locked = await lockConversation(trx, id, options);
    if (!locked) throw notFound('Conversation');
    let current = locked.conversation;
    // Appends move last_seq in memory; the row gets it once, with the next update or before commit.
    let storedSeq = current.last_seq;
    let deferred: ReturnType<typeof newMessageRows> = [];
    const effects = new Map<string, NewPendingEffect>();
    const removedEffects = new Set<string>();
    const along = () => {
      const rows = { messages: deferred, effects: [...effects.values()], removedEffects: [...removedEffects] };
      deferred = [];
      effects.clear();
      removedEffects.clear();
      return rows;
    };
    const writeAlong = async () => {
      const rows = along();
      await insertMessageRows(trx, rows.messages);
      if (rows.effects.length) await insertPendingEffects(trx, rows.effects).execute();
      if (rows.removedEffects.length)
        await trx.deleteFrom('pending_effects').where('id', 'in', rows.removedEffects).execute();
    };
    const tx: ConversationTx = {
      trx,
      get conversation() {
        return current;
      },
      botName: locked.botName,
      clientIdStored: locked.clientIdStored,
      effectStored: locked.effectStored,
      async append(inputs, appendOptions) {
        const rows = newMessageRows(current.id, current.last_seq, inputs);
        let stored: StoredMessage[];
        if (appendOptions?.defer && rows.every((row) => !row.author_id)) {
          deferred.push(...rows);
          stored = rows.map(storedFromRow);
        } else {
          const earlier = deferred.length;
          stored = (await insertMessageRows(trx, [...deferred, ...rows])).slice(earlier);
          deferred = [];
        }
        current = { ...current, last_seq: current.last_seq + rows.length, updated_at: new Date() };
        appended.push(...stored);
        changed ||= stored.length > 0;
        return stored;
      },
      async update(patch) {
        const seq = current.last_seq === storedSeq ? {} : { last_seq: current.last_seq };
        current = await updateConversation(trx, current.id, { ...seq, ...patch }, along());
        storedSeq = current.last_seq;
        changed = true;
        return current;
      },
      armEffect(effect) {
        effects.set(effect.id, effect);
      },
      removeEffect(effectId) {
        removedEffects.add(effectId);
      },
      flush: writeAlong,
      afterCommit(task) {
        tasks.push(task);
      },
    };
    const value = await work(tx);
    // `current` already holds this state; keeping the object lets callers' visitorView(tx.conversation) hit the cache.
    if (current.last_seq !== storedSeq)
      await updateConversation(trx, current.id, { last_seq: current.last_seq }, along());
    else await writeAlong();
    final = current;
    return value;
  });
  if (final) {
    // The view is read first so that the messages and the conversation event leave in one turn of the
    // event loop (one NOTIFY); the caller's own visitorView(final) reuses it.
    // Committed messages go out even when the view cannot be read; the error surfaces afterwards.
    const view = changed ? await services.visitorView(final).catch((error: unknown) => ({ error })) : null;
    for (const { message, internal } of appended) {
      services.hub.publish({ kind: 'message', workspaceId: final.workspace_id, message, internal });
    }
    if (view && 'error' in view) throw view.error;
    if (view) services.hub.publish(toConversationEvent(final, view));
  }
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      services.logger.error({ err: error, conversationId: id }, 'after-commit task failed');
    }
  }
  return result;
}

/** Sends the conversation's current state to agents and to its visitor. */
export async function publishConversation(services: Services, conversation: Conversation) {
  const event: HubEvent = toConversationEvent(conversation, await services.visitorView(conversation));
  services.hub.publish(event);
}
