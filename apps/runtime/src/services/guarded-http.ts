import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/** Addresses a flow's HTTP block may not reach unless HTTP_BLOCK_ALLOW_PRIVATE is set (SSRF guard). */
const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  privateRanges.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  privateRanges.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return privateRanges.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return privateRanges.check(mapped[1], 'ipv4');
    return privateRanges.check(address, 'ipv6');
  }
  return true;
}

export class GuardedHttpError extends Error {
  constructor(
    readonly code: 'blocked_address' | 'timeout' | 'too_large' | 'bad_url' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'GuardedHttpError';
  }
}

export interface GuardedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  maxBytes: number;
  allowPrivate: boolean;
}

export interface GuardedResponse {
  status: number;
  body: unknown;
  /** The Location header of a redirect (3xx), for callers that follow redirects hop by hop through the guard. */
  location?: string;
}

/**
 * One HTTP request for a flow block. The address is checked at connect time (the resolved IP, so DNS
 * rebinding cannot sneak past), redirects are not followed, the body is capped and the whole call is
 * bounded by `timeoutMs`. JSON responses are parsed; anything else is returned as text.
 */
export function guardedRequest(request: GuardedRequest): Promise<GuardedResponse> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.reject(new GuardedHttpError('bad_url', 'Not a valid URL'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(new GuardedHttpError('bad_url', 'Only http and https URLs are allowed'));
  }
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!request.allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
    return Promise.reject(new GuardedHttpError('blocked_address', 'Requests to private addresses are not allowed'));
  }
  const lookup: typeof dnsLookup = ((hostname: string, options: object, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const list = addresses as LookupAddress[];
      const allowed = request.allowPrivate ? list : list.filter((entry) => !isPrivateAddress(entry.address));
      if (allowed.length === 0) {
        return callback(new GuardedHttpError('blocked_address', 'Requests to private addresses are not allowed'));
      }
      if ((options as { all?: boolean }).all) return callback(null, allowed);
      const first = allowed[0]!;
      callback(null, first.address, first.family);
    });
  }) as typeof dnsLookup;

  return new Promise<GuardedResponse>((resolvePromise, rejectPromise) => {
    let settled = false;
    const resolve = (value: GuardedResponse) => {
      if (settled) return;
      settled = true;
      resolvePromise(value);
    };
    const reject = (error: unknown) => {
      if (settled) return;
      settled = true;
      rejectPromise(error);
    };
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(url, { method: request.method, headers: request.headers, lookup }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBytes) {
          const error = new GuardedHttpError('too_large', `Response is larger than ${request.maxBytes} bytes`);
          reject(error);
          res.removeAllListeners('data');
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const isJson = /json/i.test(res.headers['content-type'] ?? '');
        let body: unknown = text;
        if (isJson) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        const status = res.statusCode ?? 0;
        const location = status >= 300 && status < 400 ? res.headers.location : undefined;
        resolve(location ? { status, body, location } : { status, body });
      });
      res.on('error', reject);
    });
    req.setTimeout(request.timeoutMs, () => {
      req.destroy(new GuardedHttpError('timeout', `No answer within ${request.timeoutMs} ms`));
    });
    const deadline = setTimeout(
      () => req.destroy(new GuardedHttpError('timeout', `No answer within ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
    req.on('close', () => clearTimeout(deadline));
    req.on('error', (error) =>
      reject(error instanceof GuardedHttpError ? error : new GuardedHttpError('network', error.message)),
    );
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}
