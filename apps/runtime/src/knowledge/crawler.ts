import { Parser } from 'htmlparser2';
import robotsParser from 'robots-parser';
import { GuardedHttpError } from '../services/guarded-http';
import { htmlToText } from './html-text';
import type { KnowledgeDocument } from './split';
import type { IndexFailure, IndexProgress } from './tables';
import { fetchThroughGuard, PAGE_MAX_BYTES, PAGE_TIMEOUT_MS, type WebFetchOptions } from './web-fetch';

export interface CrawlOptions extends WebFetchOptions {
  startUrl: string;
  /** 'page': only the start URL; 'site': the sitemap's pages, else links followed from the start page. */
  mode: 'page' | 'site';
  maxPages: number;
  maxDepth: number;
  onProgress?: (progress: IndexProgress, failures: IndexFailure[]) => Promise<void>;
}

export interface CrawlResult {
  documents: KnowledgeDocument[];
  failures: IndexFailure[];
}

const USER_AGENT = 'FlowdeskBot';

function sameOriginUrl(href: string, base: string, origin: string): string | null {
  try {
    const url = new URL(href, base);
    url.hash = '';
    return url.origin === origin && (url.protocol === 'http:' || url.protocol === 'https:') ? url.toString() : null;
  } catch {
    return null;
  }
}

function sitemapLocations(xml: string): string[] {
  const locations: string[] = [];
  let inLoc = false;
  let current = '';
  const parser = new Parser(
    {
      onopentag: (name) => {
        inLoc = name === 'loc';
        current = '';
      },
      ontext: (text) => {
        if (inLoc) current += text;
      },
      onclosetag: (name) => {
        if (name === 'loc') locations.push(current.trim());
        inLoc = false;
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  return locations;
}

/** Why a page could not be read, in the admin's words (the fetch's own say bytes, milliseconds and errno codes). */
function reasonOf(error: unknown, options: WebFetchOptions) {
  const said = error instanceof Error ? error.message : String(error);
  if (!(error instanceof GuardedHttpError)) return said;
  if (error.code === 'too_large') {
    const megabytes = Math.round(((options.maxBytes ?? PAGE_MAX_BYTES) / 1024 / 1024) * 10) / 10;
    return `The page is larger than ${megabytes} MB; larger pages are not read`;
  }
  if (error.code === 'timeout')
    return `The site did not answer within ${Math.round((options.timeoutMs ?? PAGE_TIMEOUT_MS) / 1000)} s`;
  if (/ECONNREFUSED/.test(said)) return 'Could not connect: nothing answers at that address (connection refused)';
  if (/ENOTFOUND|EAI_AGAIN/.test(said)) return 'Could not connect: the host name could not be found';
  return said;
}

/**
 * Reads a page or a whole site with no database connection held: robots.txt is honoured (a disallowed page is not
 * fetched), the sitemap is preferred over link-following, pages stay on the start URL's origin, and page count and
 * link depth are bounded. A page that fails is recorded with its URL and reason; the crawl goes on.
 */
export async function crawlSite(options: CrawlOptions): Promise<CrawlResult> {
  const start = new URL(options.startUrl);
  const origin = start.origin;
  const failures: IndexFailure[] = [];
  const documents: KnowledgeDocument[] = [];
  let robots = robotsParser(`${origin}/robots.txt`, '');
  let sitemapUrls: string[] = [];
  try {
    const fetched = await fetchThroughGuard(`${origin}/robots.txt`, options);
    if (fetched.status === 200) robots = robotsParser(`${origin}/robots.txt`, fetched.text);
  } catch {
    // No robots.txt reachable: everything is allowed, as crawlers treat a missing file.
  }
  if (options.mode === 'site') {
    const sitemaps = robots.getSitemaps().length > 0 ? robots.getSitemaps() : [`${origin}/sitemap.xml`];
    for (const sitemap of sitemaps.slice(0, 3)) {
      try {
        const fetched = await fetchThroughGuard(sitemap, options);
        if (fetched.status === 200) sitemapUrls.push(...sitemapLocations(fetched.text));
      } catch (error) {
        failures.push({ item: sitemap, reason: reasonOf(error, options) });
      }
    }
    sitemapUrls = sitemapUrls.map((href) => sameOriginUrl(href, origin, origin)).filter((url) => url !== null);
  }
  const queue: { url: string; depth: number }[] = [{ url: start.toString(), depth: 0 }];
  for (const url of sitemapUrls) queue.push({ url, depth: 0 });
  const seen = new Set<string>();
  const followLinks = options.mode === 'site' && sitemapUrls.length === 0;
  let done = 0;
  while (queue.length > 0 && seen.size < options.maxPages) {
    const next = queue.shift()!;
    if (seen.has(next.url)) continue;
    seen.add(next.url);
    if (robots.isDisallowed(next.url, USER_AGENT)) {
      failures.push({ item: next.url, reason: 'disallowed by robots.txt' });
    } else {
      try {
        const page = await fetchThroughGuard(next.url, options);
        if (page.status !== 200) throw new Error(`HTTP ${page.status}`);
        const html = htmlToText(page.text);
        if (html.text) documents.push({ title: html.title ?? page.url, url: page.url, text: html.text });
        if (followLinks && next.depth < options.maxDepth)
          for (const href of html.links) {
            const url = sameOriginUrl(href, page.url, origin);
            if (url && !seen.has(url)) queue.push({ url, depth: next.depth + 1 });
          }
      } catch (error) {
        failures.push({ item: next.url, reason: reasonOf(error, options) });
      }
    }
    done++;
    await options.onProgress?.({ done, total: Math.min(options.maxPages, done + queue.length) }, failures);
  }
  return { documents, failures };
}
