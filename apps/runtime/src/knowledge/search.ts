import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

export interface KnowledgeHit {
  id: number;
  sourceId: string;
  title: string;
  url: string | null;
  content: string;
  rank: number;
}

export interface LexicalQuery {
  workspaceId: string;
  /** Only these sources; an empty list finds nothing (a block with no source chosen has no knowledge). */
  sourceIds: string[];
  question: string;
  limit?: number;
}

/**
 * PostgreSQL full-text search over the chunks (GIN index, `websearch_to_tsquery`, `ts_rank_cd`), the same on
 * PGlite. The question is matched with OR between its words: a visitor's phrasing rarely contains every word of
 * the passage, and ranking (cover density) already prefers chunks that hold more of them close together.
 */
export async function searchChunksLexical(db: Kysely<Database>, query: LexicalQuery): Promise<KnowledgeHit[]> {
  const words = query.question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || query.sourceIds.length === 0) return [];
  const websearch = words.join(' or ');
  const { rows } = await sql<{
    id: number;
    source_id: string;
    title: string;
    url: string | null;
    content: string;
    rank: number;
  }>`
    select c.id, c.source_id, c.title, c.url, c.content, ts_rank_cd(c.search, q.query, 32) as rank
    from knowledge_chunks c, websearch_to_tsquery('english', ${websearch}) as q(query)
    where c.workspace_id = ${query.workspaceId}
      and c.source_id in (${sql.join(query.sourceIds)})
      and c.search @@ q.query
    order by rank desc, c.id
    limit ${query.limit ?? 5}
  `.execute(db);
  return rows.map((row) => ({
    id: Number(row.id),
    sourceId: row.source_id,
    title: row.title,
    url: row.url,
    content: row.content,
    rank: Number(row.rank),
  }));
}
