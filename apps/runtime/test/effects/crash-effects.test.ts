import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config';
import { createDatabase, type DatabaseKind } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import type { Database } from '../../src/db/schema';
import { createTestDatabase, type TestDatabase } from '../db';
import { seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { HeldApi } from '../fixtures/held-api';
import { orderLookupFlow } from '../fixtures/http-flow';
import { TestVisitor } from '../fixtures/visitor';
import { type RuntimeProcess, spawnRuntime } from '../reliability/harness/runtime-process';

const IN_FLIGHT = 20;
// Calls get 30 s: the restarted process runs them again well before their deadline.
const ENV = { HTTP_BLOCK_ALLOW_PRIVATE: 'true', EFFECT_LEASE_MS: '1000', HTTP_BLOCK_TIMEOUT_MS: '30000' };

/** Where the runtime processes keep their data, and how the test reads it when no process runs. */
interface Store {
  spawn(): Promise<RuntimeProcess>;
  /** Runs `work` on the database (for PGlite only while no runtime process has it open). */
  use<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

async function openStore(kind: DatabaseKind): Promise<Store> {
  if (kind === 'postgres') {
    const database: TestDatabase = await createTestDatabase('postgres');
    const url = database.config.DATABASE_URL!;
    return {
      spawn: () => spawnRuntime({ databaseUrl: url, env: ENV }),
      use: (work) => work(database.db),
      dispose: () => database.dispose(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'flowdesk-crash-'));
  const use = async <T>(work: (db: Kysely<Database>) => Promise<T>) => {
    const handle = createDatabase(testConfig({ DATA_DIR: dir }));
    try {
      await migrateToLatest(handle.db);
      return await work(handle.db);
    } finally {
      await handle.close();
    }
  };
  return {
    spawn: () => spawnRuntime({ env: { ...ENV, DATA_DIR: dir } }),
    use,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe.each<DatabaseKind>(['pglite', 'postgres'])('kill -9 with flow calls in flight (%s)', (kind) => {
  let api: HeldApi;
  let store: Store;
  const processes: RuntimeProcess[] = [];
  beforeAll(async () => {
    api = await HeldApi.start();
    store = await openStore(kind);
  });
  afterAll(async () => {
    for (const child of processes) await child.kill9();
    await api?.close();
    await store?.dispose();
  });

  it('after a restart every call completes once: no conversation stuck, no reply doubled', {
    timeout: 180_000,
  }, async () => {
    const { bot } = await store.use(async (db) => {
      const seeded = await seedWorkspace(db);
      await publishFlow(db, seeded.bot.id, orderLookupFlow(api.url, 30_000));
      return seeded;
    });
    const first = await store.spawn();
    processes.push(first);
    api.hold = true;
    const visitors = await Promise.all(
      Array.from({ length: IN_FLIGHT }, async (_, i) => {
        const visitor = new TestVisitor(first.url, bot.id);
        await visitor.start();
        await visitor.say(String(i));
        return visitor;
      }),
    );
    await api.received(IN_FLIGHT);
    await first.kill9();
    api.release();

    const second = await store.spawn();
    processes.push(second);
    for (const [i, visitor] of visitors.entries()) {
      const moved = new TestVisitor(second.url, bot.id);
      moved.session = visitor.session;
      const messages = await moved.historyWhen((all) => all.filter((m) => m.author === 'bot').length >= 3, 30_000);
      const said = messages.map((m) => (m.content.type === 'text' ? m.content.text : m.content.type));
      expect(said).toEqual(['input', String(i), `Order ${i} is shipped.`, 'input']);
    }
    await second.stop();
    const left = await store.use((db) => db.selectFrom('pending_effects').select('id').execute());
    expect(left).toEqual([]);
    // The re-run carried the same key as the call the crash cut off, so the API could de-duplicate it.
    const byKey = new Map<string, number>();
    for (const request of api.requests)
      byKey.set(request.idempotencyKey ?? '', (byKey.get(request.idempotencyKey ?? '') ?? 0) + 1);
    expect(byKey.size).toBe(IN_FLIGHT);
    expect([...byKey.values()].every((count) => count === 2)).toBe(true);
  });
});
