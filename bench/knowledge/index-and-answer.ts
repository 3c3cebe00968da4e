/**
 * Knowledge base (issue 22): indexing speed (pages/s) of the npm docs corpus (apps/runtime/test/knowledge/corpus:
 * a 37-page site crawled from its sitemap over loopback, and two PDF uploads) through the real indexer, and answer
 * latency p50/p95 for the 111 benchmark questions, on PGlite and on PostgreSQL. Baselines from the same run: the
 * crawl alone (fetch + HTML to text, no database) for indexing; for answers, one plain full-text query (the
 * websearch_to_tsquery + ts_rank_cd query the search started from). Measured: the search the answer uses
 * (retrievePassages), the offline answer (search + answerFromKnowledge), and the answer through the LangChain
 * provider against the loopback fake OpenAI server (local overhead only). Writes bench/results/knowledge.md.
 *   npx tsx bench/knowledge/index-and-answer.ts
 * BENCH_ROUNDS (default 3) sets how many times the corpus is indexed and the questions asked per database.
 */
import { loadavg } from 'node:os';
import { createAiProvider } from '../../apps/runtime/src/ai/index';
import type { DatabaseKind } from '../../apps/runtime/src/db/database';
import { crawlSite } from '../../apps/runtime/src/knowledge/crawler';
import { retrievePassages } from '../../apps/runtime/src/knowledge/grounding';
import type { Services } from '../../apps/runtime/src/services';
import { createTestDatabase } from '../../apps/runtime/test/db';
import { startFakeOpenAiServer } from '../../apps/runtime/test/fakes/openai-server';
import {
  askCorpus,
  indexCorpus,
  plainLexicalQuery,
  startCorpusSite,
} from '../../apps/runtime/test/knowledge/corpus-bench';
import { ANSWERABLE, UNANSWERABLE } from '../../apps/runtime/test/knowledge/fixtures/corpus-questions';
import { machineLine, table, writeResult } from '../runtime/lib/report';
import { percentile, round } from '../runtime/lib/stats';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const questions = [...ANSWERABLE.map((q) => q.q), ...UNANSWERABLE];
const loadBefore = loadavg().map((n) => n.toFixed(1));

const site = await startCorpusSite();
const fake = await startFakeOpenAiServer();
fake.setHandler(() => ({ content: 'The docs say so.' }));
const offlineAi = createAiProvider();
const modelAi = createAiProvider({ apiKey: 'sk-bench-knowledge', baseUrl: fake.baseUrl });
const allowPrivate = (url: URL) => url.port === String(site.port);

type Row = Array<string | number>;
const indexRows: Row[] = [];
let corpusPages = 0;
const answerRows: Row[] = [];

async function timed(samples: number[], run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  samples.push(performance.now() - started);
}

const stat = (samples: number[]) => [round(percentile(samples, 50), 1), round(percentile(samples, 95), 1)];

async function measure(kind: DatabaseKind) {
  const database = await createTestDatabase(kind);
  try {
    const services = (ai: typeof offlineAi) => ({ db: database.db, ai, aiFor: () => ai }) as unknown as Services;
    const crawlMs: number[] = [];
    const siteMs: number[] = [];
    const fileMs: number[] = [];
    let pages = 0;
    let workspaceId = '';
    let sourceIds: string[] = [];
    for (let r = 0; r < rounds; r++) {
      await timed(crawlMs, () =>
        crawlSite({ startUrl: `${site.origin}/`, mode: 'site', maxPages: 100, maxDepth: 2, allowPrivate }),
      );
      workspaceId = `bench-${kind}-${r}`;
      await database.db.insertInto('workspaces').values({ id: workspaceId, name: 'npm docs' }).execute();
      const indexed = await indexCorpus(database.db, workspaceId, site);
      siteMs.push(indexed.siteMs);
      fileMs.push(indexed.filesMs / indexed.files);
      pages = indexed.pages;
      corpusPages = pages;
      sourceIds = indexed.sourceIds;
    }
    const perSecond = (ms: number[]) => round((pages * 1000) / percentile(ms, 50), 1);
    indexRows.push(
      [kind, 'crawl alone (baseline: fetch + HTML to text)', perSecond(crawlMs), round(percentile(crawlMs, 50))],
      [kind, 'site indexed (crawl, split, store, FTS)', perSecond(siteMs), round(percentile(siteMs, 50))],
      [
        kind,
        'PDF upload indexed (files/s, ms per file)',
        round(1000 / percentile(fileMs, 50), 1),
        round(percentile(fileMs, 50)),
      ],
    );
    const plain: number[] = [];
    const search: number[] = [];
    const offline: number[] = [];
    const model: number[] = [];
    for (let r = 0; r < rounds; r++)
      for (const question of questions) {
        await timed(plain, () => plainLexicalQuery(database.db, workspaceId, sourceIds, question));
        await timed(search, () => retrievePassages(database.db, workspaceId, sourceIds, question));
        await timed(offline, () => askCorpus(services(offlineAi), workspaceId, sourceIds, question));
        await timed(model, () => askCorpus(services(modelAi), workspaceId, sourceIds, question));
      }
    const base = percentile(plain, 95);
    for (const [name, samples] of [
      ['plain FTS query (baseline)', plain],
      ['search used by answers (rarity-weighted)', search],
      ['offline answer (search + answer)', offline],
      ['answer via LangChain + fake OpenAI server', model],
    ] as const)
      answerRows.push([kind, name, ...stat(samples), `${round(percentile(samples, 95) / base, 1)}×`, samples.length]);
    console.log(kind, 'done');
  } finally {
    await database.dispose();
  }
}

try {
  for (const kind of ['pglite', 'postgres'] as DatabaseKind[]) await measure(kind);
} finally {
  await site.close();
  await fake.close();
}

writeResult(
  'knowledge',
  `# Knowledge base: indexing speed and answer latency (issue 22)

Measured ${new Date().toISOString().slice(0, 10)} by \`npx tsx bench/knowledge/index-and-answer.ts\` (${rounds} rounds) on ${machineLine()}.
Load average before / after: ${loadBefore.join(' ')} / ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} (a shared 2-core machine: read the ratios to the baselines).
Corpus: the npm CLI docs (apps/runtime/test/knowledge/corpus, ${corpusPages} pages + 2 PDFs); ${questions.length} questions.

## Indexing (median of ${rounds})

${table(['database', 'what', 'pages/s', 'ms'], indexRows)}

## Answer latency (${questions.length} questions × ${rounds}; ms)

${table(['database', 'what', 'p50', 'p95', 'p95 / baseline p95', 'samples'], answerRows)}
`,
);
