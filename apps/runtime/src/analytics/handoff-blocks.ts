import type { BlockHandoffs } from '@flowdesk/contract';
import { blockTitle } from '@flowdesk/flow-schema';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/** Handoffs counted per block of a flow (`key`: `flow_id block_id`), `version`: the newest version counted in. */
export type BlockGroup = { key: string; count: number; version: string };

/**
 * The block groups named as the canvas names them (the block's name, else its type's label) from the newest
 * version they were counted in, with their flow's name: one read of those versions' blocks.
 */
export async function namedBlockHandoffs(db: Kysely<Database>, groups: BlockGroup[]): Promise<BlockHandoffs[]> {
  if (groups.length === 0) return [];
  const blockOf = (key: string) => key.slice(key.indexOf(' ') + 1);
  const { rows } = await sql<{
    version: string;
    flow_id: string;
    flow_name: string;
    id: string;
    type: string;
    name: string | null;
  }>`
    select v.id as version, v.flow_id, f.name as flow_name, b.id, b.type, b.name
    from flow_versions v join flows f on f.id = v.flow_id
      cross join lateral jsonb_to_recordset(v.document->'blocks') as b(id text, type text, name text)
    where v.id = any(${[...new Set(groups.map((g) => g.version))]}::text[])
      and b.id = any(${[...new Set(groups.map((g) => blockOf(g.key)))]}::text[])`.execute(db);
  const found = new Map(rows.map((row) => [`${row.version} ${row.id}`, row]));
  return groups.map(({ key, count, version }) => {
    const blockId = blockOf(key);
    const row = found.get(`${version} ${blockId}`);
    return {
      key,
      count,
      flowId: key.slice(0, key.indexOf(' ')),
      flowName: row?.flow_name ?? '',
      blockId,
      label: row ? blockTitle({ type: row.type, name: row.name ?? undefined }) : blockId,
    };
  });
}
