import type { Kysely } from 'kysely';
import type { Database, Flow, JsonObject } from '../db/schema';
import { newId } from '../services/secrets';

export interface FlowSummaryJson {
  id: string;
  botId: string;
  name: string;
  updatedAt: string;
  updatedBy: string | null;
  latestVersion: number | null;
}

export interface FlowJson extends FlowSummaryJson {
  draft: JsonObject;
  /** True when this flow is the one the bot runs for new conversations. */
  live: boolean;
}

type FlowWithLatest = Flow & { latest_version: number | null };

const summarySelect = (db: Kysely<Database>) =>
  db
    .selectFrom('flows')
    .innerJoin('bots', 'bots.id', 'flows.bot_id')
    .selectAll('flows')
    .select((eb) =>
      eb
        .selectFrom('flow_versions')
        .select((inner) => inner.fn.max('number').as('n'))
        .whereRef('flow_versions.flow_id', '=', 'flows.id')
        .as('latest_version'),
    )
    .select('bots.flow_id as live_flow_id');

export const toFlowSummary = (flow: FlowWithLatest): FlowSummaryJson => ({
  id: flow.id,
  botId: flow.bot_id,
  name: flow.name,
  updatedAt: flow.updated_at.toISOString(),
  updatedBy: flow.updated_by,
  latestVersion: flow.latest_version === null ? null : Number(flow.latest_version),
});

export const toFlowJson = (flow: FlowWithLatest & { live_flow_id: string | null }): FlowJson => ({
  ...toFlowSummary(flow),
  draft: flow.draft,
  live: flow.live_flow_id === flow.id,
});

export function listFlows(db: Kysely<Database>, workspaceId: string, botId?: string) {
  let query = summarySelect(db).where('bots.workspace_id', '=', workspaceId);
  if (botId) query = query.where('flows.bot_id', '=', botId);
  return query.orderBy('flows.created_at').execute();
}

/** A flow of the given workspace, with its latest version number and whether it is live. */
export function findWorkspaceFlow(db: Kysely<Database>, workspaceId: string, id: string) {
  return summarySelect(db).where('bots.workspace_id', '=', workspaceId).where('flows.id', '=', id).executeTakeFirst();
}

export async function createFlow(
  db: Kysely<Database>,
  input: { id?: string; botId: string; name: string; draft: JsonObject; userId: string | null },
) {
  return db
    .insertInto('flows')
    .values({
      id: input.id ?? newId(),
      bot_id: input.botId,
      name: input.name,
      draft: JSON.stringify(input.draft),
      updated_by: input.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function saveDraft(
  db: Kysely<Database>,
  id: string,
  input: { draft: JsonObject; name?: string; userId: string | null },
) {
  await db
    .updateTable('flows')
    .set({
      draft: JSON.stringify(input.draft),
      ...(input.name === undefined ? {} : { name: input.name }),
      updated_at: new Date(),
      updated_by: input.userId,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteFlow(db: Kysely<Database>, id: string) {
  await db.deleteFrom('flows').where('id', '=', id).execute();
}
