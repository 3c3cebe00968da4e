import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
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

const qaConfig = z.object({
  pairs: z.array(z.object({ question: z.string().trim().min(1), answer: z.string().trim().min(1) })).min(1),
});
const textConfig = z.object({ text: z.string().trim().min(1), url: z.string().url().nullable().optional() });

/** The documents a source holds, read without touching the database (file and web loaders plug in here). */
async function loadDocuments(db: Kysely<Database>, source: KnowledgeSourceRow): Promise<KnowledgeDocument[]> {
  switch (source.kind) {
    case 'qa':
      // One document per pair: the question stays next to its answer, so a chunk never splits them apart.
      return qaConfig.parse(source.config).pairs.map((pair) => ({
        title: pair.question,
        url: null,
        text: `${pair.question}\n${pair.answer}`,
      }));
    case 'text': {
      const config = textConfig.parse(source.config);
      return [{ title: source.title, url: config.url ?? null, text: config.text }];
    }
    case 'file': {
      // The bytes are read in one query; parsing runs after the connection went back to the pool.
      const file = await readKnowledgeFile(db, source.id);
      if (!file) throw new Error('the uploaded file is missing');
      return [await parseKnowledgeFile(file.file_name, new Uint8Array(file.bytes))];
    }
    default:
      throw new Error(`${source.kind} sources cannot be indexed by this build yet`);
  }
}

/**
 * Indexes one source outside any transaction: reads the row, loads and splits its documents with no connection
 * held, then replaces its chunks in one short transaction. Failures are recorded on the source, never thrown, so
 * a background caller can fire and forget.
 */
export async function indexKnowledgeSource(db: Kysely<Database>, workspaceId: string, id: string) {
  const source = await getKnowledgeSource(db, workspaceId, id);
  if (!source) return;
  await markIndexing(db, source.id, 1);
  const failures: IndexFailure[] = [];
  try {
    const documents = await loadDocuments(db, source);
    await recordProgress(db, source.id, { done: 1, total: 1 }, failures);
    const chunks = await splitDocuments(documents);
    await replaceChunks(db, { id: source.id, workspaceId }, chunks, failures);
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
