import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { searchChunksByVector } from '../../src/knowledge/search';
import { createKnowledgeSource } from '../../src/knowledge/sources';
import { databaseKinds, useTestDatabase } from '../db';

/** The limit documented for databases without pgvector: an exact scan in SQL over a workspace's chunks. */
const CHUNKS = 2000;
const DIMENSIONS = 1536;

describe.each(databaseKinds)('vector ranking without pgvector at workspace scale (%s)', (kind) => {
  const database = useTestDatabase(kind);

  it(`ranks ${CHUNKS} chunks of ${DIMENSIONS} dimensions exactly (time printed: the documented limit)`, async () => {
    const db = database.current.db;
    const workspaceId = `ws-scale-${kind}`;
    await sql`insert into workspaces (id, name) values (${workspaceId}, ${'Scale'})`.execute(db);
    const source = await createKnowledgeSource(db, { workspaceId, kind: 'text', title: 'Big', config: { text: 'x' } });
    // Chunk i points mostly along axis i % DIMENSIONS (a unit vector plus a little spread), so the nearest is known.
    await sql`
      insert into knowledge_chunks (source_id, workspace_id, title, url, position, content, embedding, embedding_model)
      select ${source.id}, ${workspaceId}, 'Chunk ' || i, null, i, 'chunk ' || i,
        array(select case when d = i % ${DIMENSIONS} + 1 then 0.995 else 0.0025 end
              from generate_series(1, ${DIMENSIONS}) d)::real[],
        'model'
      from generate_series(0, ${CHUNKS - 1}) i`.execute(db);
    const target = 777;
    const vector = Array.from({ length: DIMENSIONS }, (_, d) => (d === target ? 1 : 0));
    const started = performance.now();
    const hits = await searchChunksByVector(
      db,
      { workspaceId, sourceIds: [source.id], vector, model: 'model', limit: 5 },
      { engine: 'array' },
    );
    const elapsed = performance.now() - started;
    console.info(`${kind}: exact vector scan of ${CHUNKS} x ${DIMENSIONS}: ${elapsed.toFixed(0)} ms`);
    expect(hits[0]?.title).toBe(`Chunk ${target}`);
    expect(hits).toHaveLength(1); // every other chunk is below MIN_SIMILARITY
    // Its speed is measured in bench/knowledge/vector-search.ts (BENCHMARKS.md), not bounded here.
  });
});
