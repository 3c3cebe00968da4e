import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalSite {
  origin: string;
  port: number;
  /** Paths requested so far, in order. */
  hits: string[];
  close(): Promise<void>;
}

type Route = (origin: string) => { status?: number; type?: string; body?: string; location?: string };

/** A loopback HTTP site serving `routes` (path → response), recording every request path. */
export async function startLocalSite(routes: Record<string, Route>): Promise<LocalSite> {
  const hits: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const answer = route(origin);
    const headers: Record<string, string> = { 'content-type': answer.type ?? 'text/html; charset=utf-8' };
    if (answer.location) headers.location = answer.location;
    res.writeHead(answer.status ?? 200, headers).end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const page = (title: string, body: string) =>
  `<html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav>${body}</body></html>`;
