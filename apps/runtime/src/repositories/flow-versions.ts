import { type Kysely, sql } from 'kysely';
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

/**
 * Appends an immutable version (number = previous + 1) and makes the flow live for its bot.
 * The flow row lock serialises concurrent publishes.
 */
export async function publishVersion(
  db: Kysely<Database>,
  input: { flowId: string; document: JsonObject; note: string | null; userId: string | null },
) {
  return db.transaction().execute(async (trx) => {
    const flow = await trx
      .selectFrom('flows')
      .select(['id', 'bot_id'])
      .where('id', '=', input.flowId)
      .forUpdate()
      .executeTakeFirstOrThrow();
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
    await trx
      .updateTable('bots')
      .set({ flow_id: flow.id, updated_at: new Date() })
      .where('id', '=', flow.bot_id)
      .execute();
    return version;
  });
}
