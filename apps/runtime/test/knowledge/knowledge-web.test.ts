import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../src/knowledge/crawler';
import { indexKnowledgeSource } from '../../src/knowledge/indexer';
import { searchChunksLexical } from '../../src/knowledge/search';
import { createKnowledgeSource, getKnowledgeSource } from '../../src/knowledge/sources';
import { databaseKinds, useTestDatabase } from '../db';
import { type LocalSite, page, startLocalSite } from './local-site';

let site: LocalSite;
let internal: LocalSite;

beforeAll(async () => {
  // Stands for a cloud metadata service or an admin port: private, and never to be reached by a redirect.
  internal = await startLocalSite({ '/latest/meta-data': () => ({ type: 'text/plain', body: 'instance secrets' }) });
  site = await startLocalSite({
    '/robots.txt': (origin) => ({
      type: 'text/plain',
      body: `User-agent: *\nDisallow: /private\nSitemap: ${origin}/sitemap.xml\n`,
    }),
    '/sitemap.xml': (origin) => ({
      type: 'application/xml',
      body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[
        '/',
        '/shipping',
        '/private/staff',
        '/moved',
        '/gone',
      ]
        .map((path) => `<url><loc>${origin}${path}</loc></url>`)
        .join('')}</urlset>`,
    }),
    '/': () => ({ body: page('Kettle shop', '<p>We sell kettles.</p><a href="/shipping">Shipping</a>') }),
    '/shipping': () => ({ body: page('Shipping', '<p>Parcels leave the warehouse within two working days.</p>') }),
    '/private/staff': () => ({ body: page('Staff', '<p>Staff discount code KETTLE50.</p>') }),
    '/moved': () => ({ status: 302, location: `${internal.origin}/latest/meta-data` }),
  });
});

afterAll(async () => {
  await site.close();
  await internal.close();
});

/** The test site is on loopback: only its own port is let through; every other private address stays refused. */
const allowSiteOnly = (url: URL) => url.port === String(site.port);

describe.each(databaseKinds)('web knowledge sources (%s)', (kind) => {
  const database = useTestDatabase(kind);

  it('indexes a site from its sitemap, honours robots.txt, refuses a redirect to a private address', async () => {
    const db = database.current.db;
    const workspaceId = `web-${kind}`;
    await db.insertInto('workspaces').values({ id: workspaceId, name: 'Shop' }).execute();
    const source = await createKnowledgeSource(db, {
      workspaceId,
      kind: 'web',
      title: 'Kettle shop site',
      config: { url: `${site.origin}/`, mode: 'site', maxPages: 20, maxDepth: 2 },
    });
    const hitsBefore = site.hits.length;
    await indexKnowledgeSource(db, workspaceId, source.id, { allowPrivate: allowSiteOnly });

    const indexed = await getKnowledgeSource(db, workspaceId, source.id);
    expect(indexed).toMatchObject({ status: 'ready', chunk_count: 2, progress: { done: 5, total: 5 } });
    expect(indexed?.failures).toEqual([
      { item: `${site.origin}/private/staff`, reason: 'disallowed by robots.txt' },
      { item: `${site.origin}/moved`, reason: 'Requests to private addresses are not allowed' },
      { item: `${site.origin}/gone`, reason: 'HTTP 404' },
    ]);
    expect(site.hits.slice(hitsBefore)).not.toContain('/private/staff');
    expect(internal.hits).toEqual([]);

    const [hit] = await searchChunksLexical(db, {
      workspaceId,
      sourceIds: [source.id],
      question: 'when do parcels leave?',
    });
    expect(hit).toMatchObject({ title: 'Shipping', url: `${site.origin}/shipping` });
    expect(
      await searchChunksLexical(db, { workspaceId, sourceIds: [source.id], question: 'staff discount code' }),
    ).toEqual([]);
  });
});

describe('crawling by links', () => {
  it('follows same-origin links up to the depth and page limits when there is no sitemap', async () => {
    const linked = await startLocalSite({
      '/': () => ({
        body: page('Start', '<p>Start page.</p><a href="/a">A</a><a href="https://elsewhere.example/x">x</a>'),
      }),
      '/a': () => ({ body: page('A', '<p>Page A.</p><a href="/b">B</a>') }),
      '/b': () => ({ body: page('B', '<p>Page B.</p><a href="/c">C</a>') }),
      '/c': () => ({ body: page('C', '<p>Page C.</p>') }),
    });
    try {
      const allow = (url: URL) => url.port === String(linked.port);
      const shallow = await crawlSite({
        startUrl: linked.origin,
        mode: 'site',
        maxPages: 10,
        maxDepth: 1,
        allowPrivate: allow,
      });
      expect(shallow.documents.map((document) => document.title)).toEqual(['Start', 'A']);
      const capped = await crawlSite({
        startUrl: linked.origin,
        mode: 'site',
        maxPages: 3,
        maxDepth: 5,
        allowPrivate: allow,
      });
      expect(capped.documents.map((document) => document.title)).toEqual(['Start', 'A', 'B']);
      const single = await crawlSite({
        startUrl: `${linked.origin}/b`,
        mode: 'page',
        maxPages: 10,
        maxDepth: 5,
        allowPrivate: allow,
      });
      expect(single.documents).toEqual([{ title: 'B', url: `${linked.origin}/b`, text: 'Page B.\nC' }]);
    } finally {
      await linked.close();
    }
  });

  it('names why a page was not read in words: too large, nothing listening', async () => {
    const big = await startLocalSite({
      '/huge': () => ({ body: page('Huge', `<p>${'All about kettles. '.repeat(120_000)}</p>`) }),
    });
    const allow = (url: URL) => url.port === String(big.port);
    try {
      const huge = await crawlSite({
        startUrl: `${big.origin}/huge`,
        mode: 'page',
        maxPages: 1,
        maxDepth: 0,
        allowPrivate: allow,
      });
      expect(huge.failures).toEqual([
        { item: `${big.origin}/huge`, reason: 'The page is larger than 2 MB; larger pages are not read' },
      ]);
    } finally {
      await big.close();
    }
    // The site is gone: nothing listens on its port any more.
    const refused = await crawlSite({
      startUrl: `${big.origin}/`,
      mode: 'page',
      maxPages: 1,
      maxDepth: 0,
      allowPrivate: allow,
    });
    expect(refused.failures).toEqual([
      { item: `${big.origin}/`, reason: 'Could not connect: nothing answers at that address (connection refused)' },
    ]);
  });

  it('refuses a loopback site when private addresses are not allowed (the HTTP block default)', async () => {
    const result = await crawlSite({
      startUrl: site.origin,
      mode: 'page',
      maxPages: 1,
      maxDepth: 0,
      allowPrivate: false,
    });
    expect(result.documents).toEqual([]);
    expect(result.failures).toContainEqual({
      item: `${site.origin}/`,
      reason: 'Requests to private addresses are not allowed',
    });
  });
});
