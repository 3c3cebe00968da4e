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

  it('indexes an uploaded PDF and DOCX and retrieves the passage that answers', async () => {
    const db = database.current.db;
    const workspaceId = await workspace(`files-${kind}`);
    const pdf = await createFileSource(db, {
      workspaceId,
      title: 'Warranty',
      fileName: 'warranty.pdf',
      bytes: makePdf(['Every kettle has a warranty of two years.', 'Keep the receipt.']),
    });
    const docx = await createFileSource(db, {
      workspaceId,
      title: 'Delivery',
      fileName: 'delivery.docx',
      bytes: await makeDocx(['Couriers deliver between eight and six.', 'Saturday delivery costs extra.']),
    });
    await indexKnowledgeSource(db, workspaceId, pdf.id);
    await indexKnowledgeSource(db, workspaceId, docx.id);

    expect(await getKnowledgeSource(db, workspaceId, pdf.id)).toMatchObject({ status: 'ready', chunk_count: 1 });
    const sourceIds = [pdf.id, docx.id];
    const [warranty] = await searchChunksLexical(db, {
      workspaceId,
      sourceIds,
      question: 'how long is the kettle warranty?',
    });
    expect(warranty).toMatchObject({ sourceId: pdf.id, title: 'warranty.pdf' });
    const [saturday] = await searchChunksLexical(db, {
      workspaceId,
      sourceIds,
      question: 'do you deliver on saturday',
    });
    expect(saturday?.sourceId).toBe(docx.id);
  });

  it('records a corrupt file as failed, naming the file and the reason', async () => {
    const db = database.current.db;
    const workspaceId = await workspace(`corrupt-${kind}`);
    const source = await createFileSource(db, {
      workspaceId,
      title: 'Manual',
      fileName: 'manual.pdf',
      bytes: new TextEncoder().encode('%PDF-1.7 truncated'),
    });
    await indexKnowledgeSource(db, workspaceId, source.id);
    const failed = await getKnowledgeSource(db, workspaceId, source.id);
    expect(failed).toMatchObject({ status: 'failed', chunk_count: 0 });
    expect(failed?.failures).toEqual([
      { item: 'manual.pdf', reason: expect.stringMatching(/^could not be read as PDF/) },
    ]);
  });
});
