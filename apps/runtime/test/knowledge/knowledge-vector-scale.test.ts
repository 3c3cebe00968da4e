import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { searchChunksByVector } from '../../src/knowledge/search';
import { createKnowledgeSource } from '../../src/knowledge/sources';
import { databaseKinds, useTestDatabase } from '../db';

/**
 * Databases without pgvector rank by an exact scan in SQL over a workspace's chunks. Its speed at 10,000 chunks
 * is measured in bench/knowledge/vector-search.ts (BENCHMARKS.md); here, that 500 full-size vectors rank exactly.
 */
const CHUNKS = 500;
const DIMENSIONS = 1536;

describe.each(databaseKinds)('vector ranking without pgvector (%s)', (kind) => {
  const database = useTestDatabase(kind);

  it(`ranks ${CHUNKS} chunks of ${DIMENSIONS} dimensions exactly`, async () => {
    const db = database.current.db;
    const workspaceId = `ws-scale-${kind}`;
    await sql`insert into workspaces (id, name) values (${workspaceId}, ${'Scale'})`.execute(db);
    const source = await createKnowledgeSource(db, { workspaceId, kind: 'text', title: 'Big', config: { text: 'x' } });
    // Chunk i points mostly along axis i % DIMENSIONS (a unit vector plus a little spread), so the nearest is known.
    await sql`
      insert into knowledge_chunks (source_id, workspace_id, title, url, position, content, embedding, embedding_model)
      select ${source.id}, ${workspaceId}, 'Chunk ' || i, null, i, 'chunk ' || i,
        array_fill(0.0025::real, array[i % ${DIMENSIONS}]) || 0.995::real
          || array_fill(0.0025::real, array[${DIMENSIONS - 1} - i % ${DIMENSIONS}]),
        'model'
      from generate_series(0, ${CHUNKS - 1}) i`.execute(db);
    const target = 377;
    const vector = Array.from({ length: DIMENSIONS }, (_, d) => (d === target ? 1 : 0));
    const hits = await searchChunksByVector(
      db,
      { workspaceId, sourceIds: [source.id], vector, model: 'model', limit: 5 },
      { engine: 'array' },
    );
    expect(hits[0]?.title).toBe(`Chunk ${target}`);
    expect(hits).toHaveLength(1); // every other chunk is below MIN_SIMILARITY
  });
});
