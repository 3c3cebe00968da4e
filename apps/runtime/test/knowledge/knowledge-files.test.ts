import { describe, expect, it } from 'vitest';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { searchChunksLexical } from '../../src/knowledge/search';
import { createFileSource, getKnowledgeSource } from '../../src/knowledge/sources';
import { databaseKinds, useTestDatabase } from '../db';
import { makeDocx, makePdf } from './file-fixtures';

describe.each(databaseKinds)('file knowledge sources (%s)', (kind) => {
  const database = useTestDatabase(kind);

  /** A new workspace (`<name>-<kind>`) and the database it is in. */
  async function workspace(name: string) {
    const { db } = database.current;
    const workspaceId = `${name}-${kind}`;
    await db.insertInto('workspaces').values({ id: workspaceId, name: 'Shop' }).execute();
    return { db, workspaceId };
  }

  /** Uploads a file as a source of the workspace and indexes it; returns the source. */
  async function indexedFile(workspaceId: string, file: { title: string; fileName: string; bytes: Uint8Array }) {
    const source = await createFileSource(database.current.db, { workspaceId, ...file });
    await indexKnowledgeSource(database.current.db, workspaceId, source.id);
    return source;
  }

  it('indexes an uploaded PDF and DOCX and retrieves the passage that answers', async () => {
    const { db, workspaceId } = await workspace('files');
    const pdf = await indexedFile(workspaceId, {
      title: 'Warranty',
      fileName: 'warranty.pdf',
      bytes: makePdf(['Every kettle has a warranty of two years.', 'Keep the receipt.']),
    });
    const docx = await indexedFile(workspaceId, {
      title: 'Delivery',
      fileName: 'delivery.docx',
      bytes: await makeDocx(['Couriers deliver between eight and six.', 'Saturday delivery costs extra.']),
    });

    expect(await getKnowledgeSource(db, workspaceId, pdf.id)).toMatchObject({ status: 'ready', chunk_count: 1 });
    const search = (question: string) =>
      searchChunksLexical(db, { workspaceId, sourceIds: [pdf.id, docx.id], question });
    const [warranty] = await search('how long is the kettle warranty?');
    expect(warranty).toMatchObject({ sourceId: pdf.id, title: 'warranty.pdf' });
    const [saturday] = await search('do you deliver on saturday');
    expect(saturday?.sourceId).toBe(docx.id);
  });

  it('records a corrupt file as failed, naming the file and the reason', async () => {
    const { db, workspaceId } = await workspace('corrupt');
    const truncatedPdf = new TextEncoder().encode('%PDF-1.7 truncated');
    const source = await indexedFile(workspaceId, { title: 'Manual', fileName: 'manual.pdf', bytes: truncatedPdf });
    const failed = await getKnowledgeSource(db, workspaceId, source.id);
    expect(failed).toMatchObject({ status: 'failed', chunk_count: 0 });
    expect(failed?.failures).toEqual([
      { item: 'manual.pdf', reason: expect.stringMatching(/^could not be read as PDF/) },
    ]);
  });
});
