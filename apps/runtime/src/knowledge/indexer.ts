import { KnowledgeRefresh } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { crawlSite } from './crawler';
import { embedStoredChunks } from './embed-chunks';
import type { KnowledgeEmbedder } from './embeddings';
import { KnowledgeFileError, parseKnowledgeFile } from './file-parse';
import {
  getKnowledgeSource,
  markFailed,
  markIndexing,
  readKnowledgeFile,
  recordProgress,
  replaceChunks,
} from './sources';
import { type KnowledgeDocument, splitDocuments } from './split';
import type { IndexFailure, KnowledgeSourceRow } from './tables';
import type { WebFetchOptions } from './web-fetch';

const qaConfig = z.object({
  pairs: z.array(z.object({ question: z.string().trim().min(1), answer: z.string().trim().min(1) })).min(1),
});
const textConfig = z.object({ text: z.string().trim().min(1), url: z.string().url().nullable().optional() });
export const webConfig = z.object({
  url: z.string().url(),
  mode: z.enum(['page', 'site']).default('page'),
  maxPages: z.number().int().min(1).max(500).default(50),
  maxDepth: z.number().int().min(0).max(5).default(2),
  refresh: KnowledgeRefresh.default('never'),
});

export interface IndexOptions {
  /** From HTTP_BLOCK_ALLOW_PRIVATE: the web loader uses the same SSRF guard and rule as HTTP blocks. */
  allowPrivate: WebFetchOptions['allowPrivate'];
  /** With an AI key (`createKnowledgeEmbedder`): chunks are embedded after they are committed; none: lexical only. */
  embedder?: KnowledgeEmbedder | null;
}

interface Loaded {
  documents: KnowledgeDocument[];
  failures: IndexFailure[];
}

/** The documents a source holds, read without touching the database (file and web loaders plug in here). */
async function loadDocuments(db: Kysely<Database>, source: KnowledgeSourceRow, options: IndexOptions): Promise<Loaded> {
  switch (source.kind) {
    case 'qa': {
      // One document per pair: the question stays next to its answer, so a chunk never splits them apart.
      const pairs = qaConfig.parse(source.config).pairs;
      const documents = pairs.map((pair) => ({
        title: pair.question,
        url: null,
        text: `${pair.question}\n${pair.answer}`,
      }));
      return { documents, failures: [] };
    }
    case 'text': {
      const config = textConfig.parse(source.config);
      return { documents: [{ title: source.title, url: config.url ?? null, text: config.text }], failures: [] };
    }
    case 'file': {
      // The bytes are read in one query; parsing runs after the connection went back to the pool.
      const file = await readKnowledgeFile(db, source.id);
      if (!file) throw new Error('the uploaded file is missing');
      return { documents: [await parseKnowledgeFile(file.file_name, new Uint8Array(file.bytes))], failures: [] };
    }
    case 'web': {
      const config = webConfig.parse(source.config);
      return crawlSite({
        startUrl: config.url,
        mode: config.mode,
        maxPages: config.maxPages,
        maxDepth: config.maxDepth,
        allowPrivate: options.allowPrivate,
        onProgress: (progress, failures) => recordProgress(db, source.id, progress, failures),
      });
    }
  }
}

/**
 * Indexes one source outside any transaction: reads the row, loads and splits its documents with no connection
 * held, then replaces its chunks in one short transaction, then (with an embedder) embeds them with no
 * connection held and stores the vectors in further short transactions. Failures are recorded on the source,
 * never thrown, so a background caller can fire and forget.
 */
export async function indexKnowledgeSource(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  options: IndexOptions = { allowPrivate: false },
) {
  const source = await getKnowledgeSource(db, workspaceId, id);
  if (!source) return;
  await markIndexing(db, source.id, 1);
  try {
    const { documents, failures } = await loadDocuments(db, source, options);
    // Nothing readable (every page failed): keep the previous chunks rather than wiping the source's knowledge.
    if (documents.length === 0 && failures.length > 0) return await markFailed(db, source.id, failures);
    const chunks = await splitDocuments(documents);
    const progress = source.kind === 'web' ? null : { done: 1, total: 1 };
    if (progress) await recordProgress(db, source.id, progress, failures);
    const model = options.embedder?.model ?? null;
    const read = { title: source.title, config: source.config };
    const stored = await replaceChunks(db, { id: source.id, workspaceId, read }, chunks, failures, model);
    // The chunks are committed and searchable lexically; vectors of changed chunks are added after, with no
    // transaction held (unchanged ones kept theirs: same text hash and model).
    const changed = stored.filter((chunk) => !chunk.reused);
    if (options.embedder && changed.length > 0) await embedStoredChunks(db, source.id, changed, options.embedder);
  } catch (error) {
    const item = error instanceof KnowledgeFileError ? error.fileName : source.title;
    const reason = error instanceof KnowledgeFileError ? error.reason : describeError(error);
    await markFailed(db, source.id, [{ item, reason }]);
  }
}

function describeError(error: unknown) {
  if (error instanceof z.ZodError)
    return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}
