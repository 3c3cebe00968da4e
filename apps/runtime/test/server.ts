import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../src/config';
import type { DatabaseKind } from '../src/db/database';
import { type RunningServer, startServer } from '../src/server';
import { createTestDatabase, SETUP_TIMEOUT_MS, type TestDatabase } from './db';

export interface TestServer {
  server: RunningServer;
  database: TestDatabase;
  /** fetch against the server; JSON bodies are stringified and typed. */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** A JSON call: status and parsed body (null for 204). */
  call(method: string, path: string, headers: Record<string, string>, json?: unknown): Promise<JsonAnswer>;
}

// biome-ignore lint/suspicious/noExplicitAny: tests walk arbitrary JSON response bodies.
export type Json = Record<string, any>;
export interface JsonAnswer {
  status: number;
  body: Json;
}

/** Starts a runtime on port 0 over a fresh database of the given kind; stopped and dropped after the suite. */
export function useTestServer(kind: DatabaseKind, overrides: Partial<Config> = {}) {
  const holder: { current: TestServer } = { current: undefined as unknown as TestServer };
  beforeAll(async () => {
    const database = await createTestDatabase(kind);
    const server = await startServer({ ...database.config, ...overrides }, { database });
    const request: TestServer['request'] = (path, init = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${server.url}${path}`, {
        ...rest,
        headers,
        body: json === undefined ? rest.body : JSON.stringify(json),
      });
    };
    holder.current = {
      server,
      database,
      request,
      call: async (method, path, headers, json) => {
        const response = await request(path, { method, headers, json });
        const body = response.status === 204 ? null : ((await response.json()) as Json);
        return { status: response.status, body: body as Json };
      },
    };
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await holder.current?.server.close();
    await holder.current?.database.dispose();
  });
  return holder;
}

export interface TwoInstances {
  database: TestDatabase;
  a: RunningServer;
  b: RunningServer;
}

export interface Instances extends TwoInstances {
  /** The third instance, started with `count: 3`. */
  c?: RunningServer;
}

/**
 * Runtime instances A and B (and C with `count: 3`) on one fresh PostgreSQL database, each started with
 * `configure(the database's settings)`; stopped and dropped after the suite. What `configure` reads (a Redis,
 * a proxy, a fake server) must be started by a beforeAll registered before this call, and closed by an
 * afterAll registered before it too (afterAll hooks run in reverse: after the instances have stopped).
 */
export function useInstances(options: { count?: 2 | 3; configure?: (database: Config) => Config } = {}): {
  current: Instances;
} {
  const { count = 2, configure = (config: Config) => config } = options;
  const holder = { current: undefined as unknown as Instances };
  beforeAll(async () => {
    const database = await createTestDatabase('postgres');
    const config = configure(database.config);
    const [a, b, c] = await Promise.all(Array.from({ length: count }, () => startServer(config)));
    holder.current = { database, a: a!, b: b!, c };
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    const { a, b, c } = holder.current ?? {};
    await Promise.all([a?.close(), b?.close(), c?.close()]);
    await holder.current?.database.dispose();
  });
  return holder;
}

/** Two runtime instances, A and B, on one fresh PostgreSQL database; stopped and dropped after the suite. */
export function useTwoInstances(): { current: TwoInstances } {
  return useInstances();
}
