import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { aiSettingsDb } from '../../src/ai-settings/tables';
import type { Database } from '../../src/db/schema';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { createKnowledgeSource } from '../../src/knowledge/sources';
import { hasVectorExtension } from '../../src/knowledge/vector-store';
import { workspaceEmbedder } from '../../src/knowledge/workspace-embedder';
import { databaseKinds } from '../db';
import { fakeOpenAiPerSuite } from '../fakes/fake-openai-per-suite';
import { requestText } from '../fakes/openai-server';
import { seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { useTestServer } from '../server';
import { askBot, knowledgeFlow, replyText } from './knowledge-flow';

const pairs = [
  { question: 'Refund policy', answer: 'Refunds are paid to your card within five business days of the return.' },
  { question: 'Shipping times', answer: 'Parcels arrive within three working days in the EU.' },
];
/** Shares no word with the passages: full-text search finds nothing, the (fake) embeddings find the refund. */
const MEANING_ONLY = 'When will I get my money back?';

describe.each(databaseKinds)('a live chat with a key retrieves by meaning too (%s)', (kind) => {
  const openai = fakeOpenAiPerSuite('sk-test-hybrid');
  const t = useTestServer(kind, openai.config);

  async function bot(db: Kysely<Database>, embed: boolean, saved?: 'offline') {
    const seeded = await seedWorkspace(db);
    const source = await createKnowledgeSource(db, {
      workspaceId: seeded.workspaceId,
      kind: 'qa',
      title: 'FAQ',
      config: { pairs },
    });
    const { services } = t.current.server;
    if (saved) {
      await aiSettingsDb(db)
        .insertInto('ai_settings')
        .values({
          workspace_id: seeded.workspaceId,
          provider: saved,
          api_key_cipher: null,
          key_hint: null,
          base_url: null,
          model: null,
        })
        .execute();
      await services.aiSettings.reload(seeded.workspaceId);
    }
    const embedder = embed ? workspaceEmbedder(services, seeded.workspaceId) : null;
    await indexKnowledgeSource(db, seeded.workspaceId, source.id, { allowPrivate: false, embedder });
    await publishFlow(db, seeded.bot.id, knowledgeFlow([source.id]));
    return seeded.bot;
  }

  it('answers a question whose words are not in the passage from the passage found by embeddings', async () => {
    const { db, url } = t.current.server;
    // PGlite loads pgvector: this chat ranks by the HNSW index there, by the real[] scan on PostgreSQL without it.
    if (kind === 'pglite') expect(await hasVectorExtension(db)).toBe(true);
    const embedded = await bot(db, true);
    const asked = openai.fake.embeddings.requests.length;
    openai.fake.setHandler((request) =>
      requestText(request).includes('Refunds are paid to your card')
        ? { content: 'Your money is back on your card within five business days.' }
        : { content: 'NOT_FOUND' },
    );
    try {
      const { replies, conversation } = await askBot(url, embedded.id, MEANING_ONLY);
      expect(replyText(replies[0])).toBe('Your money is back on your card within five business days.');
      expect(conversation.status).not.toBe('needs_agent');
      // The question itself was embedded once, with the configured embedding model.
      expect(openai.fake.embeddings.requests.slice(asked)).toEqual([
        expect.objectContaining({ model: 'text-embedding-3-small', input: MEANING_ONLY }),
      ]);

      // The same sources indexed without embeddings: nothing found, the model is not asked, a person takes over.
      const lexicalOnly = await bot(db, false);
      const before = openai.fake.requests.length;
      const second = await askBot(url, lexicalOnly.id, MEANING_ONLY);
      expect(second.conversation.status).toBe('needs_agent');
      const prompts = openai.fake.requests.slice(before).map((request) => requestText(request.body));
      expect(prompts.some((text) => text.includes('Refunds are paid'))).toBe(false);
    } finally {
      openai.fake.setHandler(null);
    }
  });

  it("a workspace whose saved settings answer offline embeds nothing, even with the server's key", async () => {
    const { db, url, services } = t.current.server;
    const offline = await bot(db, true, 'offline');
    const seeded = await services.db
      .selectFrom('bots')
      .select('workspace_id')
      .where('id', '=', offline.id)
      .executeTakeFirstOrThrow();
    expect(workspaceEmbedder(services, seeded.workspace_id)).toBeNull();
    const asked = openai.fake.embeddings.requests.length;
    const { conversation } = await askBot(url, offline.id, MEANING_ONLY);
    expect(conversation.status).toBe('needs_agent'); // offline and lexical only: nothing found
    expect(openai.fake.embeddings.requests.length).toBe(asked);
  });
});
