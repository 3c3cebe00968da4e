import { checkKnowledgeSources, type FlowDocument, knowledgeSourceIdsOf, type Problem } from '@flowdesk/flow-schema';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { knowledgeDb } from './tables';

/** A flow's problems with the workspace's knowledge sources (deleted or empty), read in one short query. */
export async function knowledgeSourceProblems(
  db: Kysely<Database>,
  workspaceId: string,
  doc: FlowDocument,
): Promise<Problem[]> {
  const ids = [...new Set(knowledgeSourceIdsOf(doc).flatMap((entry) => entry.sourceIds))];
  if (ids.length === 0) return [];
  const rows = await knowledgeDb(db)
    .selectFrom('knowledge_sources')
    .select(['id', 'title', 'status', 'chunk_count'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
  const known = new Map(
    rows.map((row) => [row.id, { title: row.title, status: row.status, chunkCount: row.chunk_count }]),
  );
  return checkKnowledgeSources(doc, known);
}
