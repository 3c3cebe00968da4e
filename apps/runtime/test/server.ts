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
}

/** Starts a runtime on port 0 over a fresh database of the given kind; stopped and dropped after the suite. */
export function useTestServer(kind: DatabaseKind, overrides: Partial<Config> = {}) {
  const holder: { current: TestServer } = { current: undefined as unknown as TestServer };
  beforeAll(async () => {
    const database = await createTestDatabase(kind);
    const server = await startServer({ ...database.config, ...overrides }, { database });
    holder.current = {
      server,
      database,
      request: (path, init = {}) => {
        const { json, ...rest } = init;
        const headers = new Headers(rest.headers);
        if (json !== undefined) headers.set('content-type', 'application/json');
        return fetch(`${server.url}${path}`, {
          ...rest,
          headers,
          body: json === undefined ? rest.body : JSON.stringify(json),
        });
      },
    };
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await holder.current?.server.close();
    await holder.current?.database.dispose();
  });
  return holder;
}
