import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema';
import { createKnowledgeEmbedder, type KnowledgeEmbedder } from '../../src/knowledge/embeddings';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { searchChunks, searchChunksLexical } from '../../src/knowledge/search';
import { createKnowledgeSource, getKnowledgeSource } from '../../src/knowledge/sources';
import { hasVectorExtension, nearestChunks, nearestChunksQuery } from '../../src/knowledge/vector-store';
import { databaseKinds, useTestDatabase } from '../db';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import { until as poll } from '../poll';

const pairs = [
  { question: 'Refund policy', answer: 'Refunds are paid to your card within five business days of the return.' },
  { question: 'Shipping times', answer: 'Parcels arrive within three working days in the EU.' },
  { question: 'Payment methods', answer: 'We accept cards, PayPal and bank transfer.' },
  { question: 'Opening hours', answer: 'The shop opens at nine and closes at six.' },
];
/** No word of it is in any passage (full-text search finds nothing); the fake's vectors fold money into refund. */
const MEANING_ONLY = 'When will I get my money back?';

const openai = fakeOpenAiPerSuite();

/** `null`: no `dimensions` asked, the model's own length. */
function embedder(dimensions: number | null = 64): KnowledgeEmbedder {
  const created = createKnowledgeEmbedder({
    apiKey: 'sk-test',
    baseUrl: openai.fake.baseUrl,
    dimensions: dimensions ?? undefined,
  });
  if (!created) throw new Error('an embedder is made with a key');
  return created;
}

const until = (check: () => boolean, timeoutMs = 10_000) => poll(check, timeoutMs, 10);

/**
 * Proves no transaction touches the chunks while a call hangs: an ACCESS EXCLUSIVE lock with NOWAIT fails at once
 * if any open transaction read or wrote them, and on PGlite (one connection) a held transaction would block this
 * one, which the timeout turns into a failure.
 */
async function chunksAreFree(db: Kysely<Database>) {
  const locked = db.transaction().execute(async (trx) => {
    await sql`lock table knowledge_chunks in access exclusive mode nowait`.execute(trx);
    return true;
  });
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000));
  return Promise.race([locked, timeout]);
}

describe.each(databaseKinds)('knowledge embeddings and hybrid retrieval (%s)', (kind) => {
  const database = useTestDatabase(kind);
  let counter = 0;

  async function workspace() {
    const id = `ws-emb-${kind}-${++counter}`;
    await sql`insert into workspaces (id, name) values (${id}, ${'Shop'})`.execute(database.current.db);
    return id;
  }

  async function embedded(sourceId: string) {
    const { rows } = await sql<{ id: number; dims: number | null; model: string | null }>`
      select id, array_length(embedding, 1) as dims, embedding_model as model from knowledge_chunks
      where source_id = ${sourceId} order by position`.execute(database.current.db);
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  async function faq(workspaceId: string, items = pairs) {
    const db = database.current.db;
    return createKnowledgeSource(db, { workspaceId, kind: 'qa', title: 'FAQ', config: { pairs: items } });
  }

  it('embeds chunks with a key (batched) and not offline', async () => {
    const db = database.current.db;
    const workspaceId = await workspace();
    const offline = await faq(workspaceId);
    const before = openai.fake.embeddings.requests.length;
    await indexKnowledgeSource(db, workspaceId, offline.id, { allowPrivate: false, embedder: null });
    expect(openai.fake.embeddings.requests.length).toBe(before);
    expect((await embedded(offline.id)).map((row) => row.dims)).toEqual([null, null, null, null]);

    const many = Array.from({ length: 70 }, (_, i) => ({ question: `Question ${i}?`, answer: `Answer number ${i}.` }));
    const online = await faq(workspaceId, many);
    await indexKnowledgeSource(db, workspaceId, online.id, { allowPrivate: false, embedder: embedder() });
    const batches = openai.fake.embeddings.requests.slice(before).map((request) => (request.input as string[]).length);
    expect(batches).toEqual([64, 6]);
    expect(openai.fake.embeddings.requests.at(-1)).toMatchObject({ model: 'text-embedding-3-small', dimensions: 64 });
    const rows = await embedded(online.id);
    expect(rows).toHaveLength(70);
    expect(rows.every((row) => row.dims === 64 && row.model === 'text-embedding-3-small:64')).toBe(true);
    expect((await getKnowledgeSource(db, workspaceId, online.id))?.failures).toEqual([]);

    // The model's own length when none is asked for (text-embedding-3-small: 1536, the HNSW index's length).
    const full = await faq(workspaceId);
    await indexKnowledgeSource(db, workspaceId, full.id, { allowPrivate: false, embedder: embedder(null) });
    expect((await embedded(full.id)).map((row) => row.dims)).toEqual([1536, 1536, 1536, 1536]);
  });

  it('finds a passage by meaning only with embeddings, fused with the lexical ranking', async () => {
    const db = database.current.db;
    const workspaceId = await workspace();
    const source = await faq(workspaceId);
    const withKey = embedder();
    await indexKnowledgeSource(db, workspaceId, source.id, { allowPrivate: false, embedder: withKey });
    const query = { workspaceId, sourceIds: [source.id], question: MEANING_ONLY };

    expect(await searchChunksLexical(db, query)).toEqual([]);
    expect(await searchChunks(db, query)).toEqual([]); // offline: lexical only, exactly as before
    const [hit, ...rest] = await searchChunks(db, query, { embedder: withKey });
    expect(hit?.content).toContain('Refunds are paid');
    expect(rest.map((other) => other.content).join(' ')).not.toContain('Refunds');
    // Unrelated questions still find nothing (cosine below MIN_SIMILARITY), so "not found" stays not found.
    expect(await searchChunks(db, { ...query, question: 'volcano eruption forecast' }, { embedder: withKey })).toEqual(
      [],
    );
    // A question both rankings agree on comes first; the fused list is no longer than the limit.
    const both = await searchChunks(
      db,
      { ...query, question: 'parcel delivery days', limit: 2 },
      { embedder: withKey },
    );
    expect(both[0]?.content).toContain('Parcels arrive');
    expect(both.length).toBeLessThanOrEqual(2);
    // Other workspaces' chunks and unchosen sources are never returned by the vector ranking either.
    const other = await workspace();
    expect(await searchChunks(db, { ...query, workspaceId: other }, { embedder: withKey })).toEqual([]);
    expect(await searchChunks(db, { ...query, sourceIds: [] }, { embedder: withKey })).toEqual([]);
  });

  it('keeps the lexical index when the embeddings endpoint fails, and says so on the source', async () => {
    const db = database.current.db;
    const workspaceId = await workspace();
    const source = await faq(workspaceId);
    openai.fake.embeddings.fail = 500;
    try {
      await indexKnowledgeSource(db, workspaceId, source.id, { allowPrivate: false, embedder: embedder() });
      const row = await getKnowledgeSource(db, workspaceId, source.id);
      expect(row?.status).toBe('ready');
      expect(row?.chunk_count).toBe(4);
      expect(row?.failures).toEqual([
        { item: 'Embeddings (lexical search still works)', reason: expect.stringMatching(/500|fake embeddings/) },
      ]);
      expect((await embedded(source.id)).every((chunk) => chunk.dims === null)).toBe(true);
      const query = { workspaceId, sourceIds: [source.id], question: 'how long do parcels take to arrive' };
      const lexical = await searchChunksLexical(db, query);
      expect(lexical[0]?.content).toContain('Parcels arrive');
      // The question's embedding fails too: the search answers lexically.
      expect(await searchChunks(db, query, { embedder: embedder() })).toEqual(lexical);
    } finally {
      openai.fake.embeddings.fail = null;
    }
    await indexKnowledgeSource(db, workspaceId, source.id, { allowPrivate: false, embedder: embedder() });
    expect((await getKnowledgeSource(db, workspaceId, source.id))?.failures).toEqual([]);
    expect((await embedded(source.id)).every((chunk) => chunk.dims === 64)).toBe(true);
  });

  it('re-indexing replaces the old embeddings with the new chunks', async () => {
    const db = database.current.db;
    const workspaceId = await workspace();
    const withKey = embedder();
    const source = await createKnowledgeSource(db, {
      workspaceId,
      kind: 'text',
      title: 'Help',
      config: { text: 'Refunds are paid within five business days.' },
    });
    await indexKnowledgeSource(db, workspaceId, source.id, { allowPrivate: false, embedder: withKey });
    const [first] = await embedded(source.id);
    await sql`update knowledge_sources set config = ${JSON.stringify({ text: 'Every parcel is sent by courier.' })}::jsonb
      where id = ${source.id}`.execute(db);
    await indexKnowledgeSource(db, workspaceId, source.id, { allowPrivate: false, embedder: withKey });

    const rows = await embedded(source.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(first?.id);
    expect(rows[0]?.dims).toBe(64);
    const { rows: all } = await sql<{ n: number }>`select count(*)::int as n from knowledge_chunks
      where source_id = ${source.id} and embedding is not null`.execute(db);
    expect(all[0]?.n).toBe(1);
    const query = { workspaceId, sourceIds: [source.id] };
    expect(await searchChunks(db, { ...query, question: MEANING_ONLY }, { embedder: withKey })).toEqual([]);
    const [delivery] = await searchChunks(
      db,
      { ...query, question: 'when is my package delivered' },
      { embedder: withKey },
    );
    expect(delivery?.content).toContain('courier');
  });

  it('holds no transaction while the embeddings are computed, at index time and at question time', async () => {
    const db = database.current.db;
    const workspaceId = await workspace();
    const source = await faq(workspaceId);
    const withKey = embedder();
    let release = () => {};
    openai.fake.embeddings.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      const sent = openai.fake.embeddings.requests.length;
      const indexing = indexKnowledgeSource(db, workspaceId, source.id, { allowPrivate: false, embedder: withKey });
      await until(() => openai.fake.embeddings.requests.length > sent);
      expect(await chunksAreFree(db)).toBe(true);
      // The chunks were committed before the call: searchable lexically while the vectors are on their way.
      expect((await getKnowledgeSource(db, workspaceId, source.id))?.status).toBe('ready');
      const query = { workspaceId, sourceIds: [source.id], question: 'parcels arrive' };
      expect(await searchChunksLexical(db, query)).toHaveLength(1);
      release();
      await indexing;
      expect((await embedded(source.id)).every((chunk) => chunk.dims === 64)).toBe(true);

      openai.fake.embeddings.gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const asked = openai.fake.embeddings.requests.length;
      const searching = searchChunks(db, { ...query, question: MEANING_ONLY }, { embedder: withKey });
      await until(() => openai.fake.embeddings.requests.length > asked);
      expect(await chunksAreFree(db)).toBe(true);
      release();
      expect((await searching)[0]?.content).toContain('Refunds are paid');
    } finally {
      openai.fake.embeddings.gate = null;
      release();
    }
  });

  it('uses pgvector + HNSW where the database offers it (PGlite loads it) and the portable scan elsewhere', async () => {
    const db = database.current.db;
    const { rows } = await sql<{ available: boolean; installed: boolean; hnsw: boolean }>`select
      exists(select 1 from pg_available_extensions where name = 'vector') as available,
      exists(select 1 from pg_extension where extname = 'vector') as installed,
      exists(select 1 from pg_indexes where indexname = 'knowledge_chunks_embedding_hnsw') as hnsw`.execute(db);
    // Migrations install it wherever the server offers it and boot without it elsewhere (Debian's PostgreSQL here).
    expect(rows[0]?.installed).toBe(rows[0]?.available);
    expect(rows[0]?.hnsw).toBe(rows[0]?.installed);
    expect(await hasVectorExtension(db)).toBe(rows[0]?.installed);
    if (kind === 'pglite') expect(rows[0]?.installed).toBe(true);

    const workspaceId = await workspace();
    const source = await faq(workspaceId);
    const withKey = embedder(null);
    await indexKnowledgeSource(db, workspaceId, source.id, { allowPrivate: false, embedder: withKey });
    const query = { workspaceId, sourceIds: [source.id], question: MEANING_ONLY };
    const auto = await searchChunks(db, query, { embedder: withKey, engine: 'auto' });
    const portable = await searchChunks(db, query, { embedder: withKey, engine: 'array' });
    expect(auto.map((hit) => hit.id)).toEqual(portable.map((hit) => hit.id));
    expect(portable[0]?.content).toContain('Refunds are paid');
    // The same nearest chunks and similarities from both rankings (pgvector computes in float4, the scan too).
    const vector = await withKey.embedQuery('refund parcel payment');
    const ask = { workspaceId, sourceIds: [source.id], vector, model: withKey.model, limit: 4 };
    const byIndex = await nearestChunks(db, { ...ask, minSimilarity: -1 });
    const byScan = await nearestChunks(db, { ...ask, minSimilarity: -1, engine: 'array' });
    expect(byIndex.map((row) => row.id)).toEqual(byScan.map((row) => row.id));
    for (const [i, row] of byIndex.entries())
      expect(row.similarity).toBeCloseTo(byScan[i]?.similarity ?? Number.NaN, 5);
    if (!rows[0]?.installed) return;
    // The planner picks the HNSW index for this statement once a sequential scan is not cheaper (4 rows here).
    const plan = await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const explained = await sql<
        Record<string, string>
      >`explain ${nearestChunksQuery({ ...ask, minSimilarity: 0.2 }, true)}`.execute(trx);
      return explained.rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(plan).toContain('Index Scan using knowledge_chunks_embedding_hnsw');
  });
});
