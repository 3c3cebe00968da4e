import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { searchChunksLexical } from '../../src/knowledge/search';
import { createKnowledgeSource, getKnowledgeSource } from '../../src/knowledge/sources';
import { knowledgeDb } from '../../src/knowledge/tables';
import { databaseKinds, useTestDatabase } from '../db';

const pairs = [
  { question: 'How long does shipping take?', answer: 'Parcels arrive within three working days in the EU.' },
  { question: 'Can I return an item?', answer: 'Returns are free for thirty days; print the label from your account.' },
  { question: 'Which payment methods do you accept?', answer: 'We accept cards, PayPal and bank transfer.' },
];

describe.each(databaseKinds)('knowledge indexing and lexical retrieval (%s)', (kind) => {
  const database = useTestDatabase(kind);
  let counter = 0;

  async function workspace() {
    const id = `ws-${kind}-${++counter}`;
    await sql`insert into workspaces (id, name) values (${id}, ${'Shop'})`.execute(database.current.db);
    return id;
  }

  async function chunksOf(sourceId: string) {
    return knowledgeDb(database.current.db)
      .selectFrom('knowledge_chunks')
      .select(['content', 'title'])
      .where('source_id', '=', sourceId)
      .orderBy('position')
      .execute();
  }

  it('indexes Q&A pairs and finds the chunk that answers the question', async () => {
    const db = database.current.db;
    const workspaceId = await workspace();
    const source = await createKnowledgeSource(db, { workspaceId, kind: 'qa', title: 'FAQ', config: { pairs } });
    await indexKnowledgeSource(db, workspaceId, source.id);

    const indexed = await getKnowledgeSource(db, workspaceId, source.id);
    expect(indexed).toMatchObject({ status: 'ready', chunk_count: 3, failures: [], progress: { done: 1, total: 1 } });
    const hits = await searchChunksLexical(db, {
      workspaceId,
      sourceIds: [source.id],
      question: 'how do I return a jacket?',
    });
    expect(hits[0]?.title).toBe('Can I return an item?');
    expect(hits[0]?.content).toContain('thirty days');
    const shipping = await searchChunksLexical(db, {
      workspaceId,
      sourceIds: [source.id],
      question: 'when will my parcel be shipped',
    });
    expect(shipping[0]?.title).toBe('How long does shipping take?');
  });

  it('finds nothing for an unrelated question, for other sources, or for another workspace', async () => {
    const db = database.current.db;
    const workspaceId = await workspace();
    const other = await workspace();
    const source = await createKnowledgeSource(db, { workspaceId, kind: 'qa', title: 'FAQ', config: { pairs } });
    await indexKnowledgeSource(db, workspaceId, source.id);

    expect(
      await searchChunksLexical(db, { workspaceId, sourceIds: [source.id], question: 'volcano eruption forecast' }),
    ).toEqual([]);
    expect(await searchChunksLexical(db, { workspaceId, sourceIds: [], question: 'return an item' })).toEqual([]);
    expect(
      await searchChunksLexical(db, { workspaceId: other, sourceIds: [source.id], question: 'return an item' }),
    ).toEqual([]);
    expect(await searchChunksLexical(db, { workspaceId, sourceIds: [source.id], question: '?! ...' })).toEqual([]);
  });

  it('re-indexing replaces the old chunks instead of adding to them', async () => {
    const db = database.current.db;
    const workspaceId = await workspace();
    const source = await createKnowledgeSource(db, {
      workspaceId,
      kind: 'text',
      title: 'Opening hours',
      config: { text: 'The shop opens at nine in the morning.', url: 'https://shop.example/hours' },
    });
    await indexKnowledgeSource(db, workspaceId, source.id);
    expect(await chunksOf(source.id)).toEqual([
      { title: 'Opening hours', content: 'The shop opens at nine in the morning.' },
    ]);

    await knowledgeDb(db)
      .updateTable('knowledge_sources')
      .set({ config: JSON.stringify({ text: 'The shop now opens at ten.\n\nIt closes at six.' }) })
      .where('id', '=', source.id)
      .execute();
    await indexKnowledgeSource(db, workspaceId, source.id);

    expect((await chunksOf(source.id)).map((chunk) => chunk.content).join(' ')).not.toContain('nine');
    expect(
      await searchChunksLexical(db, { workspaceId, sourceIds: [source.id], question: 'opens at nine' }),
    ).toHaveLength(1);
    expect(await searchChunksLexical(db, { workspaceId, sourceIds: [source.id], question: 'nine morning' })).toEqual(
      [],
    );
    expect((await getKnowledgeSource(db, workspaceId, source.id))?.chunk_count).toBe(1);
  });

  it('records why a source could not be indexed and keeps its previous chunks', async () => {
    const db = database.current.db;
    const workspaceId = await workspace();
    const source = await createKnowledgeSource(db, { workspaceId, kind: 'qa', title: 'FAQ', config: { pairs } });
    await indexKnowledgeSource(db, workspaceId, source.id);
    await knowledgeDb(db)
      .updateTable('knowledge_sources')
      .set({ config: JSON.stringify({ pairs: [{ question: 'Empty?', answer: '  ' }] }) })
      .where('id', '=', source.id)
      .execute();
    await indexKnowledgeSource(db, workspaceId, source.id);

    const failed = await getKnowledgeSource(db, workspaceId, source.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.failures).toEqual([{ item: 'FAQ', reason: expect.stringContaining('pairs.0.answer') }]);
    expect(await chunksOf(source.id)).toHaveLength(3);
  });
});
