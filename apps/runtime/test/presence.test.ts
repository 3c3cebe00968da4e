import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/db/schema';
import { type RunningServer, startServer } from '../src/server';
import { loginHeaders, seedWorkspace } from './fixtures/accounts';
import { TestSocket, wsUrl } from './fixtures/ws-client';
import { until as poll } from './poll';
import { useTestServer, useTwoInstances } from './server';

type Db = Kysely<Database>;

const presenceOf = async (db: Db, userId: string) =>
  (await db.selectFrom('users').select('presence').where('id', '=', userId).executeTakeFirstOrThrow()).presence;

// biome-ignore lint/suspicious/noExplicitAny: agent_connections is typed in realtime/presence-store.ts only.
const connections = (db: Db) => db as unknown as Kysely<any>;

const rowsOf = async (db: Db, userId: string) =>
  (await connections(db).selectFrom('agent_connections').selectAll().where('user_id', '=', userId).execute()).length;

/** A socket row a crashed instance left behind: nobody refreshed it for ten minutes. */
const insertCrashedRow = (db: Db, userId: string) =>
  connections(db)
    .insertInto('agent_connections')
    .values({
      id: `crashed-${userId}`,
      user_id: userId,
      instance_id: 'crashed-instance',
      last_seen: new Date(Date.now() - 10 * 60_000),
    })
    .execute();

const waitFor = (check: () => Promise<boolean>, timeoutMs = 30_000) => poll(check, timeoutMs, 25);

async function agentSocket(server: RunningServer, email: string) {
  const { cookie } = await loginHeaders(server.url, email);
  const socket = await TestSocket.open(wsUrl(server.url), { headers: { cookie } });
  await socket.until((frames) => frames.some((frame) => frame.type === 'ready'));
  return socket;
}

/** Closes the socket and waits until its server dropped the row and settled the agent's presence. */
async function closeOn(server: RunningServer, socket: TestSocket, userId: string, rowsLeft: number) {
  await socket.close();
  await waitFor(async () => (await rowsOf(server.db, userId)) === rowsLeft);
  await server.services.background.idle();
}

describe('agent presence on one instance', () => {
  const t = useTestServer('pglite');

  it('stays online while a tab is open; the last socket closed marks the agent offline and tells dashboards', async () => {
    const server = t.current.server;
    const { agent, admin } = await seedWorkspace(server.db);
    const watcher = await agentSocket(server, admin.email);
    const first = await agentSocket(server, agent.email);
    const second = await agentSocket(server, agent.email);
    await waitFor(async () => (await rowsOf(server.db, agent.id)) === 2);
    expect(await presenceOf(server.db, agent.id)).toBe('online');

    await closeOn(server, first, agent.id, 1);
    expect(await presenceOf(server.db, agent.id)).toBe('online');

    await closeOn(server, second, agent.id, 0);
    expect(await presenceOf(server.db, agent.id)).toBe('offline');
    await watcher.until((frames) =>
      frames.some((frame) => frame.type === 'presence' && frame.userId === agent.id && frame.status === 'offline'),
    );
    await watcher.close();
  });
});

describe('agent presence across two instances on PostgreSQL', () => {
  const instances = useTwoInstances();

  it('a tab on A and one on B: closing A keeps the agent online, closing B too makes them offline', async () => {
    const { a, b } = instances.current;
    const { agent } = await seedWorkspace(a.db);
    const onA = await agentSocket(a, agent.email);
    const onB = await agentSocket(b, agent.email);
    await waitFor(async () => (await rowsOf(a.db, agent.id)) === 2);

    await closeOn(a, onA, agent.id, 1);
    expect(await presenceOf(a.db, agent.id)).toBe('online');

    await closeOn(b, onB, agent.id, 0);
    expect(await presenceOf(a.db, agent.id)).toBe('offline');
  });

  it('rows a crashed instance left behind do not count: the next heartbeat sweeps them and the agent goes offline', async () => {
    const { database, a, b } = instances.current;
    const { agent, admin } = await seedWorkspace(a.db);
    const watcher = await agentSocket(b, admin.email);
    // A crashed instance's socket row: nobody refreshed it for ten minutes.
    await insertCrashedRow(a.db, agent.id);
    expect(await presenceOf(a.db, agent.id)).toBe('online');

    // A restarted instance sweeps at boot.
    const restarted = await startServer(database.config);
    try {
      await waitFor(async () => (await presenceOf(a.db, agent.id)) === 'offline');
      expect(await rowsOf(a.db, agent.id)).toBe(0);
      await watcher.until((frames) =>
        frames.some((frame) => frame.type === 'presence' && frame.userId === agent.id && frame.status === 'offline'),
      );
    } finally {
      await restarted.close();
      await watcher.close();
    }
  });

  it('a stale row does not hide a fresh one: the agent with a live tab elsewhere stays online', async () => {
    const { database, a, b } = instances.current;
    const { agent } = await seedWorkspace(a.db);
    const onB = await agentSocket(b, agent.email);
    await waitFor(async () => (await rowsOf(a.db, agent.id)) === 1);
    await insertCrashedRow(a.db, agent.id);
    const restarted = await startServer(database.config);
    try {
      await waitFor(async () => (await rowsOf(a.db, agent.id)) === 1);
      await restarted.services.background.idle();
      expect(await presenceOf(a.db, agent.id)).toBe('online');
    } finally {
      await restarted.close();
      await onB.close();
    }
  });

  it('shutting an instance down removes its rows', async () => {
    const { database, a } = instances.current;
    const { agent } = await seedWorkspace(a.db);
    const extra = await startServer(database.config);
    await agentSocket(extra, agent.email);
    await waitFor(async () => (await rowsOf(a.db, agent.id)) === 1);
    await extra.close();
    expect(await rowsOf(a.db, agent.id)).toBe(0);
    expect(await presenceOf(a.db, agent.id)).toBe('offline');
  });
});
