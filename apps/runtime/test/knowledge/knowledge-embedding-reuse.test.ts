import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_HASH_SQL } from '../../src/db/migrations/0803_knowledge_embedding_reuse';
import { createKnowledgeEmbedder, type KnowledgeEmbedder } from '../../src/knowledge/embeddings';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { searchChunks } from '../../src/knowledge/search';
import { createKnowledgeSource } from '../../src/knowledge/sources';
import { databaseKinds, useTestDatabase } from '../db';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../fakes/openai-server';
import { type LocalSite, page, startLocalSite } from './local-site';

/** What each page of the site says now: tests change one between two indexes. */
const pages: Record<string, string> = {
  returns: 'Refunds are paid to your card within five business days of the return.',
  shipping: 'Parcels arrive within three working days in the EU.',
  payment: 'We accept cards, PayPal and bank transfer.',
};
const SHIPPING = pages.shipping as string;
const links = Object.keys(pages)
  .map((name) => `<a href="/${name}">${name}</a>`)
  .join(' ');

let site: LocalSite;
let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  site = await startLocalSite({
    '/': () => ({ body: page('Help', `<p>Help centre.</p>${links}`) }),
    ...Object.fromEntries(
      Object.keys(pages).map((name) => [`/${name}`, () => ({ body: page(name, `<p>${pages[name]}</p>`) })]),
    ),
  });
});
afterAll(async () => {
  await site.close();
  await fake.close();
});

function embedder(dimensions: number): KnowledgeEmbedder {
  const created = createKnowledgeEmbedder({ apiKey: 'sk-test', baseUrl: fake.baseUrl, dimensions });
  if (!created) throw new Error('an embedder is made with a key');
  return created;
}

describe.each(databaseKinds)('re-indexing reuses the embeddings of unchanged chunks (%s)', (kind) => {
  const database = useTestDatabase(kind);

  /** The texts sent to the embeddings API by `run` (every request's inputs, flattened). */
  async function textsSentBy(run: () => Promise<void>) {
    const before = fake.embeddings.requests.length;
    await run();
    return fake.embeddings.requests.slice(before).flatMap((request) => request.input as string[]);
  }

  it('sends no text for an unchanged site, only the changed chunks for a changed page, all for a new model', async () => {
    pages.shipping = SHIPPING;
    const db = database.current.db;
    const workspaceId = `ws-reuse-${kind}`;
    await sql`insert into workspaces (id, name) values (${workspaceId}, ${'Shop'})`.execute(db);
    const source = await createKnowledgeSource(db, {
      workspaceId,
      kind: 'web',
      title: 'Help site',
      config: { url: `${site.origin}/`, mode: 'site', maxPages: 10, maxDepth: 1 },
    });
    const reindex = (withKey: KnowledgeEmbedder) => () =>
      indexKnowledgeSource(db, workspaceId, source.id, { allowPrivate: true, embedder: withKey });
    const chunks = async () => {
      const { rows } = await sql<{ content: string; dims: number | null; model: string | null; same: boolean }>`
        select content, array_length(embedding, 1) as dims, embedding_model as model,
          content_hash = ${sql.raw(CONTENT_HASH_SQL)} as same
        from knowledge_chunks where source_id = ${source.id} order by url, position`.execute(db);
      return rows;
    };
    const small = embedder(64);

    const first = await textsSentBy(reindex(small));
    const indexed = await chunks();
    expect(indexed.length).toBeGreaterThanOrEqual(4); // the home page and three pages
    expect(first).toHaveLength(indexed.length);
    // The hash migration 0803 computes in SQL for older chunks is the one the indexer computes.
    expect(indexed.every((chunk) => chunk.same && chunk.dims === 64)).toBe(true);

    // Unchanged site (the re-index button and the scheduled refresh both run indexKnowledgeSource): nothing sent.
    expect(await textsSentBy(reindex(small))).toEqual([]);
    const kept = await chunks();
    expect(kept).toEqual(indexed);
    const query = { workspaceId, sourceIds: [source.id], question: 'When will I get my money back?' };
    expect((await searchChunks(db, query, { embedder: small }))[0]?.content).toContain('Refunds are paid');

    // One page changed: only its chunk is embedded again.
    pages.shipping = 'Every parcel is sent by courier and arrives within two days.';
    const changed = await textsSentBy(reindex(small));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('sent by courier');
    const after = await chunks();
    expect(after).toHaveLength(indexed.length);
    expect(after.every((chunk) => chunk.dims === 64 && chunk.model === small.model)).toBe(true);
    const delivery = await searchChunks(
      db,
      { ...query, question: 'when is my package delivered' },
      { embedder: small },
    );
    expect(delivery[0]?.content).toContain('courier');

    // Another model (here another vector length) never reuses the old vectors.
    const other = embedder(32);
    expect(await textsSentBy(reindex(other))).toHaveLength(indexed.length);
    expect((await chunks()).every((chunk) => chunk.dims === 32 && chunk.model === other.model)).toBe(true);
    // Back to the first model: its vectors went with the replaced chunks, so everything is embedded again.
    expect(await textsSentBy(reindex(small))).toHaveLength(indexed.length);
  });
});
