import { describe, expect, it } from 'vitest';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { searchChunksLexical } from '../../src/knowledge/search';
import { createFileSource, getKnowledgeSource } from '../../src/knowledge/sources';
import { databaseKinds, useTestDatabase } from '../db';
import { makeDocx, makePdf } from './file-fixtures';

describe.each(databaseKinds)('file knowledge sources (%s)', (kind) => {
  const database = useTestDatabase(kind);

  async function workspace(id: string) {
    await database.current.db.insertInto('workspaces').values({ id, name: 'Shop' }).execute();
    return id;
  }

  /** Uploads `bytes` as a file source of the workspace and indexes it; returns the source. */
  async function indexedFile(workspaceId: string, title: string, fileName: string, bytes: Uint8Array) {
    const source = await createFileSource(database.current.db, { workspaceId, title, fileName, bytes });
    await indexKnowledgeSource(database.current.db, workspaceId, source.id);
    return source;
  }

  it('indexes an uploaded PDF and DOCX and retrieves the passage that answers', async () => {
    const db = database.current.db;
    const workspaceId = await workspace(`files-${kind}`);
    const pdf = await indexedFile(
      workspaceId,
      'Warranty',
      'warranty.pdf',
      makePdf(['Every kettle has a warranty of two years.', 'Keep the receipt.']),
    );
    const docx = await indexedFile(
      workspaceId,
      'Delivery',
      'delivery.docx',
      await makeDocx(['Couriers deliver between eight and six.', 'Saturday delivery costs extra.']),
    );

    expect(await getKnowledgeSource(db, workspaceId, pdf.id)).toMatchObject({ status: 'ready', chunk_count: 1 });
    const search = (question: string) =>
      searchChunksLexical(db, { workspaceId, sourceIds: [pdf.id, docx.id], question });
    const [warranty] = await search('how long is the kettle warranty?');
    expect(warranty).toMatchObject({ sourceId: pdf.id, title: 'warranty.pdf' });
    const [saturday] = await search('do you deliver on saturday');
    expect(saturday?.sourceId).toBe(docx.id);
  });

  it('records a corrupt file as failed, naming the file and the reason', async () => {
    const db = database.current.db;
    const workspaceId = await workspace(`corrupt-${kind}`);
    const source = await indexedFile(
      workspaceId,
      'Manual',
      'manual.pdf',
      new TextEncoder().encode('%PDF-1.7 truncated'),
    );
    const failed = await getKnowledgeSource(db, workspaceId, source.id);
    expect(failed).toMatchObject({ status: 'failed', chunk_count: 0 });
    expect(failed?.failures).toEqual([
      { item: 'manual.pdf', reason: expect.stringMatching(/^could not be read as PDF/) },
    ]);
  });
});
