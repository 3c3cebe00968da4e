import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Citation } from '@flowdesk/contract';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema';
import { type RetrievedPassage, retrievePassages } from '../../src/knowledge/grounding';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { createFileSource, createKnowledgeSource, getKnowledgeSource } from '../../src/knowledge/sources';
import type { Services } from '../../src/services';
import { answerFromKnowledge } from '../../src/services/external-effects';
import { ANSWERABLE, type AnswerableQuestion, UNANSWERABLE } from './fixtures/corpus-questions';
import { type LocalSite, startLocalSite } from './local-site';

/** The knowledge-base benchmark corpus (npm CLI docs; see corpus/SOURCE.md) and how it is indexed and asked. */
export const CORPUS_DIR = join(import.meta.dirname, 'corpus');
export const CORPUS_PDFS = ['npm-workspaces.pdf', 'npm-audit.pdf'];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The docs site on loopback as a real one is crawled: pages, robots.txt naming the sitemap, and the sitemap. */
export async function startCorpusSite(): Promise<LocalSite> {
  const siteDir = join(CORPUS_DIR, 'site');
  const routes: Parameters<typeof startLocalSite>[0] = {};
  const paths: string[] = [];
  for (const file of htmlFiles(siteDir)) {
    const body = readFileSync(file, 'utf8');
    const path = `/${relative(siteDir, file)}`.replace(/^\/index\.html$/, '/');
    paths.push(path);
    routes[path] = () => ({ body });
  }
  paths.sort();
  routes['/robots.txt'] = (origin) => ({
    type: 'text/plain',
    body: `User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\n`,
  });
  routes['/sitemap.xml'] = (origin) => ({
    type: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths
      .map((path) => `<url><loc>${origin}${path}</loc></url>`)
      .join('\n')}\n</urlset>\n`,
  });
  return startLocalSite(routes);
}

export interface IndexedCorpus {
  sourceIds: string[];
  /** Pages read from the site, and files parsed. */
  pages: number;
  files: number;
  chunks: number;
  siteMs: number;
  filesMs: number;
}

/** Indexes the corpus into `workspaceId` through the real indexer: a crawl of the site (sitemap) and two uploads. */
export async function indexCorpus(db: Kysely<Database>, workspaceId: string, site: LocalSite): Promise<IndexedCorpus> {
  const allowPrivate = (url: URL) => url.port === String(site.port);
  const web = await createKnowledgeSource(db, {
    workspaceId,
    kind: 'web',
    title: 'npm docs',
    config: { url: `${site.origin}/`, mode: 'site', maxPages: 100, maxDepth: 2 },
  });
  let started = performance.now();
  await indexKnowledgeSource(db, workspaceId, web.id, { allowPrivate });
  const siteMs = performance.now() - started;
  const sourceIds = [web.id];
  started = performance.now();
  for (const fileName of CORPUS_PDFS) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, fileName)));
    const file = await createFileSource(db, { workspaceId, title: fileName, fileName, bytes });
    await indexKnowledgeSource(db, workspaceId, file.id, { allowPrivate });
    sourceIds.push(file.id);
  }
  const filesMs = performance.now() - started;
  let chunks = 0;
  let pages = 0;
  for (const id of sourceIds) {
    const source = await getKnowledgeSource(db, workspaceId, id);
    if (source?.status !== 'ready') throw new Error(`source ${id} is ${source?.status}: ${JSON.stringify(source)}`);
    chunks += source.chunk_count;
    if (id === web.id) pages = source.progress?.done ?? 0;
  }
  return { sourceIds, pages, files: CORPUS_PDFS.length, chunks, siteMs, filesMs };
}

/** The plain full-text query the lexical search started from (no rarity weights): the benchmark's baseline. */
export async function plainLexicalQuery(
  db: Kysely<Database>,
  workspaceId: string,
  sourceIds: string[],
  question: string,
) {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const { rows } = await sql`
    select c.id, c.title, c.url, c.content, ts_rank_cd(c.search, q.query, 32) as rank
    from knowledge_chunks c, websearch_to_tsquery('english', ${words.join(' or ')}) as q(query)
    where c.workspace_id = ${workspaceId} and c.source_id in (${sql.join(sourceIds)}) and c.search @@ q.query
    order by rank desc, c.id limit 5`.execute(db);
  return rows;
}

export interface Asked {
  found: boolean;
  answer: string;
  citations: Citation[];
  retrieved: RetrievedPassage[];
  ms: number;
}

/**
 * One question through the path a live AI answer block takes (and the builder's preview): the workspace-scoped
 * search of the chosen sources, then `answerFromKnowledge` with the block's settings (no own knowledge text).
 */
export async function askCorpus(
  services: Services,
  workspaceId: string,
  sourceIds: string[],
  question: string,
): Promise<Asked> {
  // The call's options name the workspace (its AI settings), as the effect runner's do.
  const options = { workspaceId, effectId: undefined };
  const started = performance.now();
  const retrieved = await retrievePassages(services.db, workspaceId, sourceIds, question);
  const result = await answerFromKnowledge(
    services,
    { question, instructions: '', knowledge: '', knowledgeSourceIds: sourceIds, retrieved, variables: {} },
    options,
  );
  const ms = performance.now() - started;
  const citations = 'citations' in result && Array.isArray(result.citations) ? (result.citations as Citation[]) : [];
  return { found: result.found, answer: result.found ? result.answer : '', citations, retrieved, ms };
}

/** The corpus source a citation or passage names: a page's path without `.html`, or a PDF's file name. */
export function sourceKey(item: { title: string; url?: string | null }): string {
  if (!item.url) return item.title;
  const path = new URL(item.url).pathname.replace(/^\//, '').replace(/\.html$/, '');
  return path || 'index';
}

const holds = (text: string, key: string) => key.split('|').some((k) => text.toLowerCase().includes(k.toLowerCase()));
export const holdsKeys = (text: string, keys: string[]) => keys.every((key) => holds(text, key));

export interface Scored {
  answerable: number;
  correct: number;
  unanswerable: number;
  notFound: number;
  misses: string[];
}

/** Offline: found, the answer holds the key words, and one of its citations is an expected source. */
export function offlineCorrect(question: AnswerableQuestion, asked: Asked): boolean {
  return (
    asked.found &&
    holdsKeys(asked.answer, question.keys) &&
    asked.citations.some((c) => question.cite.includes(sourceKey(c)))
  );
}

export const percent = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

/** Asks every question of the set and scores it with `correct`; misses are described for the log. */
export async function measure(
  ask: (question: string) => Promise<Asked>,
  correct: (question: AnswerableQuestion, asked: Asked) => boolean,
): Promise<Scored & { latencies: number[] }> {
  const misses: string[] = [];
  const latencies: number[] = [];
  let right = 0;
  for (const question of ANSWERABLE) {
    const asked = await ask(question.q);
    latencies.push(asked.ms);
    if (correct(question, asked)) right++;
    else
      misses.push(
        `answerable: ${question.q} -> ${asked.found ? `"${asked.answer.slice(0, 160)}"` : 'NOT FOUND'} cites [${asked.citations
          .map(sourceKey)
          .join(
            ', ',
          )}] expected [${question.cite.join(', ')}] keys [${question.keys.join(', ')}]; top passages [${asked.retrieved
          .map(sourceKey)
          .join(', ')}]`,
      );
  }
  let notFound = 0;
  for (const question of UNANSWERABLE) {
    const asked = await ask(question);
    latencies.push(asked.ms);
    if (!asked.found) notFound++;
    else
      misses.push(
        `unanswerable: ${question} -> "${asked.answer.slice(0, 160)}" cites [${asked.citations.map(sourceKey).join(', ')}]`,
      );
  }
  return {
    answerable: ANSWERABLE.length,
    correct: right,
    unanswerable: UNANSWERABLE.length,
    notFound,
    misses,
    latencies,
  };
}
