import { GuardedHttpError, guardedRequest } from '../services/guarded-http';

export interface WebFetchOptions {
  /** Same rule as HTTP blocks: private addresses only when allowed (per URL, so a test can allow its own site). */
  allowPrivate: boolean | ((url: URL) => boolean);
  timeoutMs?: number;
  maxBytes?: number;
}

export interface FetchedPage {
  url: string;
  status: number;
  text: string;
}

const MAX_REDIRECTS = 5;
/** The most of one page read (a larger page is refused, and named so on the source). */
export const PAGE_MAX_BYTES = 2 * 1024 * 1024;
export const PAGE_TIMEOUT_MS = 10_000;

/**
 * GET through the SSRF guard of HTTP blocks, following redirects hop by hop so each new address is checked again
 * (a public page redirecting to 169.254.169.254 or localhost is refused). Only http(s) on each hop.
 */
export async function fetchThroughGuard(startUrl: string, options: WebFetchOptions): Promise<FetchedPage> {
  let url = startUrl;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const parsed = new URL(url);
    const allowPrivate =
      typeof options.allowPrivate === 'function' ? options.allowPrivate(parsed) : options.allowPrivate;
    const response = await guardedRequest({
      method: 'GET',
      url,
      headers: { 'user-agent': 'FlowdeskBot/1.0 (+knowledge indexer)', accept: 'text/html,text/plain,application/xml' },
      body: undefined,
      timeoutMs: options.timeoutMs ?? PAGE_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? PAGE_MAX_BYTES,
      allowPrivate,
    });
    if (!response.location) {
      const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      return { url, status: response.status, text };
    }
    url = new URL(response.location, url).toString();
  }
  throw new GuardedHttpError('network', `More than ${MAX_REDIRECTS} redirects`);
}
