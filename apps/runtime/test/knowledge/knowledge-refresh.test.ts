import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { nextRefreshAt } from '../../src/knowledge/refresh';
import { claimDueSources, knowledgeRefresher, STALE_INDEXING_MS } from '../../src/knowledge/refresh-scheduler';
import { searchChunksLexical } from '../../src/knowledge/search';
import { createKnowledgeSource, getKnowledgeSource } from '../../src/knowledge/sources';
import { knowledgeDb } from '../../src/knowledge/tables';
import { createServices, type Services } from '../../src/services';
import { createLogger } from '../../src/services/logger';
import { createTestDatabase, databaseKinds, SETUP_TIMEOUT_MS, type TestDatabase } from '../db';
import { type LocalSite, page, startLocalSite } from './local-site';

const HOUR = 60 * 60 * 1000;
let site: LocalSite;
/** What the site's returns page says now: the test changes it between two indexes. */
let returnsText = 'Returns are accepted within 14 days.';

beforeAll(async () => {
  site = await startLocalSite({
    '/returns': () => ({ body: page('Returns', `<p>${returnsText}</p>`) }),
  });
});
afterAll(() => site.close());

describe.each(databaseKinds)('knowledge refresh and recovery (%s)', (kind) => {
  let database: TestDatabase;
  let services: Services;
  const workspaceId = `refresh-${kind}`;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const config = { ...database.config, HTTP_BLOCK_ALLOW_PRIVATE: true };
    services = createServices(config, database, createLogger(config), []);
    await database.db.insertInto('workspaces').values({ id: workspaceId, name: 'Shop' }).execute();
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await services?.close();
    await database?.dispose();
  });

  const kdb = () => knowledgeDb(database.db);
  /** Moves a source's last write into the past, as if that much time had gone by. */
  const age = (id: string, ms: number) =>
    kdb()
      .updateTable('knowledge_sources')
      .set({ updated_at: sql<Date>`now() - make_interval(secs => ${ms / 1000})` })
      .where('id', '=', id)
      .execute();
  const webSource = async (title: string, refresh: 'never' | 'daily' | 'weekly') => {
    const source = await createKnowledgeSource(database.db, {
      workspaceId,
      kind: 'web',
      title,
      config: { url: `${site.origin}/returns`, mode: 'page', maxPages: 1, maxDepth: 0, refresh },
    });
    await indexKnowledgeSource(database.db, workspaceId, source.id, { allowPrivate: true });
    return source.id;
  };
  const search = (id: string, question: string) =>
    searchChunksLexical(database.db, { workspaceId, sourceIds: [id], question });

  it('re-indexes a daily web source once a day has passed, and not before; "never" stays as it is', async () => {
    returnsText = 'Returns are accepted within 14 days.';
    const daily = await webSource('Daily returns page', 'daily');
    const never = await webSource('Unscheduled returns page', 'never');
    const indexed = await getKnowledgeSource(database.db, workspaceId, daily);
    const due = nextRefreshAt(indexed!);
    expect(due!.getTime() - new Date(indexed!.updated_at).getTime()).toBe(24 * HOUR);

    returnsText = 'Returns are accepted within 30 days of delivery.';
    await age(daily, 23 * HOUR);
    await age(never, 400 * 24 * HOUR);
    expect(await knowledgeRefresher(services).pass()).toBe(0);
    expect((await search(daily, 'how many days to return'))[0]?.content).toContain('14 days');

    await age(daily, 24 * HOUR + 60_000);
    expect(await knowledgeRefresher(services).pass()).toBe(1);
    const refreshed = await getKnowledgeSource(database.db, workspaceId, daily);
    expect(refreshed).toMatchObject({ status: 'ready', chunk_count: 1 });
    expect((await search(daily, 'how many days to return'))[0]?.content).toContain('30 days of delivery');
    expect(nextRefreshAt(refreshed!)!.getTime()).toBeGreaterThan(Date.now() + 23 * HOUR);
    // The unscheduled source still holds what it read the first time.
    expect((await search(never, 'how many days to return'))[0]?.content).toContain('14 days');
  });

  it('picks up an index a stopped process left behind, but not one still being written', async () => {
    const abandoned = await createKnowledgeSource(database.db, {
      workspaceId,
      kind: 'qa',
      title: 'Abandoned FAQ',
      config: { pairs: [{ question: 'Do you gift wrap?', answer: 'Gift wrapping costs 3 euros.' }] },
    });
    const live = await createKnowledgeSource(database.db, {
      workspaceId,
      kind: 'qa',
      title: 'FAQ being indexed',
      config: { pairs: [{ question: 'Do you ship abroad?', answer: 'We ship to 20 countries.' }] },
    });
    await kdb().updateTable('knowledge_sources').set({ status: 'indexing' }).where('id', '=', live.id).execute();
    await age(abandoned.id, STALE_INDEXING_MS + 60_000);
    await age(live.id, STALE_INDEXING_MS - 60_000);

    expect(await knowledgeRefresher(services).pass()).toBe(1);
    expect(await getKnowledgeSource(database.db, workspaceId, abandoned.id)).toMatchObject({
      status: 'ready',
      chunk_count: 1,
    });
    expect((await search(abandoned.id, 'gift wrapping'))[0]?.content).toContain('3 euros');
    expect(await getKnowledgeSource(database.db, workspaceId, live.id)).toMatchObject({
      status: 'indexing',
      chunk_count: 0,
    });
  });

  it('gives a due source to exactly one of several instances scanning at once', async () => {
    const id = await webSource('Weekly returns page', 'weekly');
    await age(id, 7 * 24 * HOUR + 60_000);
    const now = new Date();
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimDueSources(database.db, now, 5)));
    expect(claims.flat().filter((claim) => claim.id === id)).toHaveLength(1);
    expect(await getKnowledgeSource(database.db, workspaceId, id)).toMatchObject({ status: 'indexing' });
  });
});
