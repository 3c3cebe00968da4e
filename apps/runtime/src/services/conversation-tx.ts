import type { Kysely } from 'kysely';
import { recordFacts, transitionFacts } from '../analytics/facts';
import { openSurvey } from '../csat/survey';
import type { Conversation, ConversationUpdate, Database } from '../db/schema';
import { NotFoundError } from '../errors';
import type { HubEvent } from '../realtime/events';
import { type LockedConversation, lockConversation, lockConversations } from '../repositories/conversation-locks';
import { toConversationEvent, updateConversation } from '../repositories/conversations';
import {
  insertMessageRows,
  type NewMessageInput,
  newMessageRows,
  type StoredMessage,
  storedFromRow,
} from '../repositories/messages';
import { insertPendingEffects, type NewPendingEffect } from '../repositories/pending-effects';
import type { Services } from '.';
import { GroupCommit } from './group-commit';

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

type Work<T> = (tx: ConversationTx) => Promise<T>;
type WorkOptions = { clientId?: string; effectId?: string };

/** One conversation's work, waiting for its transaction. */
interface Job {
  id: string;
  work: Work<unknown>;
  options: WorkOptions;
}

/** What one conversation's work left for after the commit. */
interface Done<T> {
  id: string;
  value: T;
  appended: StoredMessage[];
  tasks: Array<() => Promise<void> | void>;
  changed: boolean;
  final: Conversation;
}

const groups = new WeakMap<Services, GroupCommit<Job, unknown>>();

function groupOf(services: Services): GroupCommit<Job, unknown> {
  let group = groups.get(services);
  if (!group) {
    group = new GroupCommit<Job, unknown>({
      max: services.config.GROUP_COMMIT_MAX,
      // PGlite has one connection; on PostgreSQL groups leave most of the pool to reads and lone writes.
      maxInFlight: services.database.kind === 'pglite' ? 1 : 4,
      alone: async (job) => {
        const done = await services.db.transaction().execute((trx) => lockedWork(trx, job));
        return published(services, done);
      },
      together: async (jobs) => {
        // Rows locked in one order by every group: two groups never wait for each other in a cycle.
        // The sort is stable, so the jobs of one conversation keep their order.
        const order = jobs.map((job, index) => ({ job, index })).sort((a, b) => compare(a.job.id, b.job.id));
        const done = await services.db.transaction().execute(async (trx) => {
          // One statement locks the group's rows; a conversation's later jobs lock again (after its first
          // job's writes) inside the transaction.
          const firsts = order.filter(({ job }, at) => at === 0 || order[at - 1]!.job.id !== job.id);
          const prelocked = await lockConversations(
            trx,
            firsts.map(({ job }) => ({ id: job.id, ...job.options })),
          );
          const lockOf = new Map(firsts.map(({ index }, at) => [index, prelocked.get(at)]));
          const results: Array<Done<unknown>> = new Array(jobs.length);
          for (const { job, index } of order) {
            const locked = lockOf.has(index) ? (lockOf.get(index) ?? null) : undefined;
            results[index] = await lockedWork(trx, job, locked);
          }
          return results;
        });
        return done.map((each) => () => published(services, each));
      },
    });
    groups.set(services, group);
  }
  return group;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Locks conversation `id`, runs `work`, commits, then publishes every stored message in seq order and
 * the conversation's new state. Every writer (visitor, bot, agent, inbox actions) goes through this.
 * Writes that arrive together share a transaction (see GroupCommit); `work` must write only through its
 * transaction and leave everything else to `afterCommit`, since it may run twice.
 */
export async function withConversation<T>(
  services: Services,
  id: string,
  work: Work<T>,
  options: WorkOptions = {},
): Promise<T> {
  return (await groupOf(services).run({ id, work, options })) as T;
}

/**
 * The transaction's part: lock the row (unless the group locked it: `prelocked`, null when it is not
 * there), run the work, write what it deferred.
 */
async function lockedWork<T>(
  trx: Kysely<Database>,
  job: { id: string; work: Work<T>; options: WorkOptions },
  prelocked?: LockedConversation | null,
) {
  const { id, work, options } = job;
  const appended: StoredMessage[] = [];
  const tasks: Array<() => Promise<void> | void> = [];
  let changed = false;
  const locked = prelocked === undefined ? await lockConversation(trx, id, options) : prelocked;
  if (!locked) throw new NotFoundError('Conversation');
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
      const before = current;
      current = await updateConversation(trx, current.id, { ...seq, ...patch }, along());
      await recordFacts(trx, current, transitionFacts(before, current));
      if (before.status !== 'resolved' && current.status === 'resolved') await openSurvey(trx, current);
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
  const done: Done<T> = { id, value, appended, tasks, changed, final: current };
  return done;
}

/** After the commit: every stored message in seq order, the conversation's new state, then the tasks. */
async function published<T>(services: Services, done: Done<T>): Promise<T> {
  const { id, appended, tasks, changed, final } = done;
  // The view is read first so that the messages and the conversation event leave in one turn of the
  // event loop (one NOTIFY); the caller's own visitorView(final) reuses it.
  // Committed messages go out even when the view cannot be read; the error surfaces afterwards.
  const view = changed ? await services.visitorView(final).catch((error: unknown) => ({ error })) : null;
  for (const { message, internal } of appended) {
    services.hub.publish({ kind: 'message', workspaceId: final.workspace_id, message, internal });
  }
  if (view && 'error' in view) throw view.error;
  if (view) services.hub.publish(toConversationEvent(final, view));
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      services.logger.error({ err: error, conversationId: id }, 'after-commit task failed');
    }
  }
  return done.value;
}

/** Sends the conversation's current state to agents and to its visitor. */
export async function publishConversation(services: Services, conversation: Conversation) {
  const event: HubEvent = toConversationEvent(conversation, await services.visitorView(conversation));
  services.hub.publish(event);
}
