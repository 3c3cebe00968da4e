import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app';
import { RUNTIME_MODULES } from '../../src/areas';
import type { DatabaseKind } from '../../src/db/database';
import type { RuntimeModule } from '../../src/modules';
import { createServices, type Services } from '../../src/services';
import { createLogger } from '../../src/services/logger';
import { createTestDatabase, SETUP_TIMEOUT_MS, type TestDatabase } from '../db';
import { PASSWORD, XHR } from '../fixtures/accounts';

/** Response bodies in tests are read field by field. */
// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely.
type Body = any;
type Mount = (app: ReturnType<typeof createApp>, services: Services) => void;

/**
 * The real app (session auth, error handler) with extra route files mounted the way
 * `registerRoutes` mounts them, over a fresh database; requests go through `app.request()`. The services run
 * `modules` (every area by default, as the server does; no workers started).
 */
export function useAppWith(
  kind: DatabaseKind,
  mount: Mount,
  overrides: Record<string, string> = {},
  modules: readonly RuntimeModule[] = RUNTIME_MODULES,
) {
  const holder = {} as {
    database: TestDatabase;
    services: Services;
    app: ReturnType<typeof createApp>;
    call(
      method: string,
      path: string,
      headers?: Record<string, string>,
      json?: unknown,
    ): Promise<{ status: number; body: Body }>;
    login(email: string): Promise<Record<string, string>>;
  };
  beforeAll(async () => {
    holder.database = await createTestDatabase(kind);
    const config = { ...holder.database.config, PUBLIC_URL: 'https://desk.example.test', ...overrides };
    holder.services = createServices(
      config as typeof holder.database.config,
      holder.database,
      createLogger(config),
      modules,
    );
    holder.app = createApp(holder.services);
    mount(holder.app, holder.services);
    holder.call = async (method, path, headers = {}, json) => {
      const res = await holder.app.request(path, {
        method,
        headers: { ...headers, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
    };
    holder.login = async (email) => {
      const res = await holder.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...XHR },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
      return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', ...XHR };
    };
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await holder.services?.close();
    await holder.database?.dispose();
  });
  return holder;
}
