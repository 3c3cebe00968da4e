import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, FlowVersion, JsonObject } from '../db/schema';
import { newId } from '../services/secrets';

export interface FlowVersionJson {
  id: string;
  flowId: string;
  number: number;
  note: string | null;
  publishedBy: string | null;
  publishedByName: string | null;
  createdAt: string;
  document?: JsonObject;
}

type VersionRow = FlowVersion & { published_by_name: string | null };

export const toVersionJson = (row: VersionRow, withDocument = false): FlowVersionJson => ({
  id: row.id,
  flowId: row.flow_id,
  number: row.number,
  note: row.note,
  publishedBy: row.published_by,
  publishedByName: row.published_by_name,
  createdAt: row.created_at.toISOString(),
  ...(withDocument ? { document: row.document } : {}),
});

const versionSelect = (db: Kysely<Database>) =>
  db
    .selectFrom('flow_versions')
    .leftJoin('users', 'users.id', 'flow_versions.published_by')
    .selectAll('flow_versions')
    .select('users.name as published_by_name');

export function listVersions(db: Kysely<Database>, flowId: string) {
  return versionSelect(db).where('flow_id', '=', flowId).orderBy('number', 'desc').execute();
}

export function findVersion(db: Kysely<Database>, flowId: string, number: number) {
  return versionSelect(db).where('flow_id', '=', flowId).where('number', '=', number).executeTakeFirst();
}

export function findVersionById(db: Kysely<Database>, id: string) {
  return db.selectFrom('flow_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The version new conversations of a bot start on: the latest of the bot's live flow. */
export function findLiveVersion(db: Kysely<Database>, botId: string) {
  return db
    .selectFrom('flow_versions')
    .innerJoin('bots', 'bots.flow_id', 'flow_versions.flow_id')
    .selectAll('flow_versions')
    .where('bots.id', '=', botId)
    .orderBy('flow_versions.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The admin's choice about the bot's live flow when publishing (see PublishFlowRequest in the contract). */
export interface LiveChoice {
  makeLive?: boolean;
  /** The flow the admin agreed to replace; must be the one live now. */
  replacesFlowId?: string;
}

type Named = { id: string; name: string };
type LiveConflict = { conflict: { bot: Named; liveFlow: Named } };
export type PublishResult = { version: FlowVersion; bot: Named; live: boolean; replaced: Named | null } | LiveConflict;

/** Whether the flow goes live; `conflict` when that would replace a live flow the admin did not name. */
function decideLive(choice: LiveChoice | 'always', flowId: string, liveNow: string | null): boolean | 'conflict' {
  if (liveNow === flowId || choice === 'always') return true; // a new version of the live flow is what the bot runs next
  if (choice.makeLive === undefined) return liveNow === null;
  if (!choice.makeLive) return false;
  return liveNow === null || choice.replacesFlowId === liveNow ? true : 'conflict';
}

/**
 * Appends an immutable version (number = previous + 1) and, as `live` decides, makes the flow live for its
 * bot. The flow and bot row locks serialise concurrent publishes; on a conflict nothing is written.
 */
export async function publishFlowVersion(
  db: Kysely<Database>,
  input: {
    flowId: string;
    document: JsonObject;
    note: string | null;
    userId: string | null;
    live: LiveChoice | 'always';
  },
): Promise<PublishResult> {
  return db.transaction().execute(async (trx) => {
    const flow = await lockFlow(trx, input.flowId);
    const { bot: botRef, previous } = await lockBot(trx, flow.bot_id);
    const liveNow = previous?.id ?? null;
    const goLive = decideLive(input.live, flow.id, liveNow);
    if (goLive === 'conflict') return { conflict: { bot: botRef, liveFlow: previous! } };
    const { last } = await trx
      .selectFrom('flow_versions')
      .select(sql<number>`coalesce(max(number), 0)::int`.as('last'))
      .where('flow_id', '=', flow.id)
      .executeTakeFirstOrThrow();
    const version = await trx
      .insertInto('flow_versions')
      .values({
        id: newId(),
        flow_id: flow.id,
        number: last + 1,
        document: JSON.stringify(input.document),
        note: input.note,
        published_by: input.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (goLive && liveNow !== flow.id) await setLiveFlow(trx, botRef.id, flow.id);
    const replaced = goLive && previous && previous.id !== flow.id ? previous : null;
    return { version, bot: botRef, live: goLive, replaced };
  });
}

/**
 * Makes a published flow the one its bot runs (its latest version), as `replacesFlowId` confirms;
 * `not_published` when it has no version yet.
 */
export async function makeFlowLive(
  db: Kysely<Database>,
  input: { flowId: string; replacesFlowId?: string },
): Promise<LiveConflict | { bot: Named; replaced: Named | null } | 'not_published'> {
  return db.transaction().execute(async (trx) => {
    const flow = await lockFlow(trx, input.flowId);
    const published = await trx
      .selectFrom('flow_versions')
      .select('id')
      .where('flow_id', '=', flow.id)
      .limit(1)
      .executeTakeFirst();
    if (!published) return 'not_published';
    const { bot: botRef, previous } = await lockBot(trx, flow.bot_id);
    const goLive = decideLive({ makeLive: true, replacesFlowId: input.replacesFlowId }, flow.id, previous?.id ?? null);
    if (goLive === 'conflict') return { conflict: { bot: botRef, liveFlow: previous! } };
    if (previous?.id === flow.id) return { bot: botRef, replaced: null };
    await setLiveFlow(trx, botRef.id, flow.id);
    return { bot: botRef, replaced: previous ?? null };
  });
}

/** Publishes and makes the flow live whatever was live before (fixtures, seeding); the API asks first. */
export async function publishVersion(
  db: Kysely<Database>,
  input: { flowId: string; document: JsonObject; note: string | null; userId: string | null },
) {
  const result = await publishFlowVersion(db, { ...input, live: 'always' });
  if ('conflict' in result) throw new Error('unreachable: publishing with live "always" never conflicts');
  return result.version;
}

/** The flow, locked for the publish or go-live that reads it. */
function lockFlow(trx: Transaction<Database>, flowId: string) {
  return trx
    .selectFrom('flows')
    .select(['id', 'bot_id'])
    .where('id', '=', flowId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The flow's bot, locked, and the flow it runs now (if any). */
async function lockBot(trx: Transaction<Database>, botId: string) {
  const bot = await trx
    .selectFrom('bots')
    .select(['id', 'name', 'flow_id'])
    .where('id', '=', botId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const previous = bot.flow_id
    ? await trx.selectFrom('flows').select(['id', 'name']).where('id', '=', bot.flow_id).executeTakeFirst()
    : undefined;
  return { bot: { id: bot.id, name: bot.name }, previous };
}

function setLiveFlow(trx: Transaction<Database>, botId: string, flowId: string) {
  return trx.updateTable('bots').set({ flow_id: flowId, updated_at: new Date() }).where('id', '=', botId).execute();
}
