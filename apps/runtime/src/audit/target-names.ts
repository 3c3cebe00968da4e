import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema';

type NamesOf = (workspaceId: string, ids: RawBuilder<unknown>) => RawBuilder<{ id: string; name: string }>;

/** What each audited resource is called today, read from its table (the workspace's own rows only). */
const NAMES: Record<string, NamesOf> = {
  flows: (workspace, ids) =>
    sql`select f.id, f.name from flows f join bots b on b.id = f.bot_id where b.workspace_id = ${workspace} and f.id in (${ids})`,
  bots: (workspace, ids) => sql`select id, name from bots where workspace_id = ${workspace} and id in (${ids})`,
  teams: (workspace, ids) => sql`select id, name from teams where workspace_id = ${workspace} and id in (${ids})`,
  users: (workspace, ids) => sql`select id, name from users where workspace_id = ${workspace} and id in (${ids})`,
  invites: (workspace, ids) =>
    sql`select id, email as name from user_invites where workspace_id = ${workspace} and id in (${ids})`,
  knowledge: (workspace, ids) =>
    sql`select id, title as name from knowledge_sources where workspace_id = ${workspace} and id in (${ids})`,
  'canned-responses': (workspace, ids) =>
    sql`select id, '/' || shortcut as name from canned_responses where workspace_id = ${workspace} and id in (${ids})`,
};

const keyOf = (type: string | null, id: string | null) => `${type}:${id}`;

/**
 * The current names of the entries' targets ("Bakery helper" for flow 3ccac107…), one statement per kind of target:
 * `name(type, id)` is null for a target that is gone (deleted since) or a kind without names (settings).
 */
export async function targetNames(
  db: Kysely<Database>,
  workspaceId: string,
  targets: Array<{ target_type: string | null; target_id: string | null }>,
): Promise<(type: string | null, id: string | null) => string | null> {
  const idsByType = new Map<string, Set<string>>();
  for (const { target_type: type, target_id: id } of targets) {
    if (!type || !id || !NAMES[type]) continue;
    idsByType.set(type, (idsByType.get(type) ?? new Set()).add(id));
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const { rows } = await NAMES[type]!(workspaceId, sql.join([...ids].map((id) => sql`${id}`))).execute(db);
      for (const row of rows) names.set(keyOf(type, row.id), row.name);
    }),
  );
  return (type, id) => names.get(keyOf(type, id)) ?? null;
}
