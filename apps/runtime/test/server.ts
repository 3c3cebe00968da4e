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

/** Two runtime instances, A and B, on one fresh PostgreSQL database; stopped and dropped after the suite. */
export function useTwoInstances(): { current: TwoInstances } {
  const holder = { current: undefined as unknown as TwoInstances };
  beforeAll(async () => {
    const database = await createTestDatabase('postgres');
    const [a, b] = await Promise.all([startServer(database.config), startServer(database.config)]);
    holder.current = { database, a, b };
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all([holder.current?.a.close(), holder.current?.b.close()]);
    await holder.current?.database.dispose();
  });
  return holder;
}
