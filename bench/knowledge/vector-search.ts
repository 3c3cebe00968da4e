/**
 * Knowledge base (issue 22): vector search latency at workspace scale on the embedded PGlite, which loads pgvector.
 * One workspace holds BENCH_CHUNKS (default 10 000) chunks with 1536-long unit vectors (text-embedding-3-small's
 * length, the HNSW index's); the same questions are ranked by pgvector's HNSW index and by the portable `real[]`
 * exact scan (the baseline: what a PostgreSQL without pgvector runs), through the runtime's own `nearestChunks`.
 * Also reported: the HNSW index build time and its recall@5 against the exact scan. Writes
 * bench/results/knowledge.vectors.md (merged right after knowledge.md).
 *   npx tsx bench/knowledge/vector-search.ts
 */
import { loadavg } from 'node:os';
import { createKnowledgeSource } from '../../apps/runtime/src/knowledge/sources';
import { nearestChunks } from '../../apps/runtime/src/knowledge/vector-store';
import { createTestDatabase } from '../../apps/runtime/test/db';
import { machineLine, table, writeResult } from '../runtime/lib/report';
import { percentile, round } from '../runtime/lib/stats';

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 10_000);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 40);
const DIMENSIONS = 1536;
const loadBefore = loadavg().map((n) => n.toFixed(1));

/** A deterministic pseudo-random unit vector (mulberry32), so every run ranks the same data. */
function unitVector(seed: number): number[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  const vector = Array.from({ length: DIMENSIONS }, next);
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

const database = await createTestDatabase('pglite');
const db = database.db;
const pglite = database.pglite;
if (!pglite) throw new Error('the benchmark runs on the embedded PGlite');
const run = (text: string, params: unknown[] = []) => pglite.query(text, params);
const workspaceId = 'ws-vector-bench';
await run('insert into workspaces (id, name) values ($1, $2)', [workspaceId, 'Bench']);
const source = await createKnowledgeSource(db, { workspaceId, kind: 'text', title: 'Bench', config: { text: 'x' } });
// Loaded without the index, then the index is built once (as migration 0803 does over existing vectors).
await run('drop index knowledge_chunks_embedding_hnsw');
const loadStarted = performance.now();
for (let start = 0; start < CHUNKS; start += 250) {
  const numbers = Array.from({ length: Math.min(250, CHUNKS - start) }, (_, i) => start + i);
  await run(
    `insert into knowledge_chunks (source_id, workspace_id, title, position, content, embedding, embedding_model)
     select $1, $2, 'Chunk ' || n, n, 'chunk ' || n, e::real[], 'model' from unnest($3::int[], $4::text[]) as t(n, e)`,
    [source.id, workspaceId, numbers, numbers.map((n) => `{${unitVector(n + 1).join(',')}}`)],
  );
}
const loadMs = performance.now() - loadStarted;
const buildStarted = performance.now();
await run(`create index knowledge_chunks_embedding_hnsw on knowledge_chunks
  using hnsw ((embedding::vector(1536)) vector_cosine_ops) where array_length(embedding, 1) = 1536`);
const buildMs = performance.now() - buildStarted;
await run('analyze knowledge_chunks');

// Questions near a stored chunk (the chunk plus noise), as a real question is near its passage.
const questions = Array.from({ length: QUESTIONS }, (_, q) => {
  const near = unitVector(((q * 7919) % CHUNKS) + 1);
  const noise = unitVector(1_000_000 + q);
  const mixed = near.map((value, d) => value + 0.5 * (noise[d] ?? 0));
  const norm = Math.hypot(...mixed);
  return mixed.map((value) => value / norm);
});
const ask = (vector: number[], engine: 'auto' | 'array') =>
  nearestChunks(db, {
    workspaceId,
    sourceIds: [source.id],
    vector,
    model: 'model',
    limit: 5,
    minSimilarity: -1,
    engine,
  });

const timings: Record<'auto' | 'array', number[]> = { auto: [], array: [] };
let agreed = 0;
await ask(questions[0] ?? [], 'auto'); // first use loads the extension's library
for (const question of questions) {
  const results: Record<string, number[]> = {};
  for (const engine of ['array', 'auto'] as const) {
    const started = performance.now();
    results[engine] = (await ask(question, engine)).map((row) => row.id);
    timings[engine].push(performance.now() - started);
  }
  const exact = new Set(results.array);
  agreed += (results.auto ?? []).filter((id) => exact.has(id)).length;
}
await database.dispose();

const row = (label: string, samples: number[]) => [
  label,
  round(percentile(samples, 50)),
  round(percentile(samples, 95)),
  round(Math.max(...samples)),
];
const p95 = (engine: 'auto' | 'array') => percentile(timings[engine], 95);
const markdown = [
  `### Vector search at ${CHUNKS.toLocaleString('en')} chunks: pgvector HNSW vs the real[] scan (PGlite)`,
  '',
  `${machineLine()}; load average before ${loadBefore.join(' / ')}, after ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')}. Measured ${new Date().toISOString().slice(0, 16)}Z by \`npx tsx bench/knowledge/vector-search.ts\`.`,
  '',
  `One workspace, ${CHUNKS.toLocaleString('en')} chunks × ${DIMENSIONS} dimensions, ${QUESTIONS} questions (top 5, ` +
    'through `nearestChunks`). Baseline: the portable exact scan (`unnest` dot product) that PostgreSQL without ' +
    'pgvector runs; the embedded PGlite loads pgvector since this change, so it runs the HNSW index.',
  '',
  table(
    ['ranking', 'p50 ms', 'p95 ms', 'max ms'],
    [row('real[] exact scan (baseline)', timings.array), row('pgvector HNSW (default on PGlite)', timings.auto)],
  ),
  '',
  `p95 ratio HNSW / scan: ${round(p95('auto') / p95('array'), 3)}; HNSW recall@5 against the exact scan: ` +
    `${round((100 * agreed) / (QUESTIONS * 5))} %. Loading the vectors: ${round(loadMs / 1000)} s; building the HNSW ` +
    `index over them: ${round(buildMs / 1000)} s.`,
  '',
].join('\n');
writeResult('knowledge.vectors', markdown);
